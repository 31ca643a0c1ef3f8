package dev.schemaclone.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.migration.MigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.MySqlUrl;
import dev.schemaclone.internal.workspace.ReservedSchema;
import dev.schemaclone.internal.workspace.SchemaWorkspace;
import dev.schemaclone.internal.workspace.SchemaWorkspaces;
import dev.schemaclone.internal.workspace.WorkspaceSettings;

/**
 * The clone one application context runs on: created empty when the context first asks
 * for its URL, filled from the template before the context's migration bean initializes,
 * reset after tests to the state the context started with when the context refreshes,
 * and, when the context closes, reset in the background to its template's state to serve
 * the next context.
 */
final class ContextClone {

	private static final Log logger = LogFactory.getLog(ContextClone.class);

	/**
	 * A test waits at most this long for the tests before it on the same refreshing
	 * context.
	 */
	static final Duration TEST_WAIT = Duration.ofMinutes(30);

	/**
	 * The test classes of a refreshing context run one at a time: none sees another's
	 * rows, class set-up or reset. A {@code @Nested} class runs inside the class around
	 * it.
	 */
	private final ClassLock classes = new ClassLock();

	/**
	 * When refreshing after each method, the methods of a class run one at a time too, on
	 * whichever threads JUnit runs them.
	 */
	private final ReentrantLock methods = new ReentrantLock(true);

	private @Nullable String template;

	private boolean closed;

	private final SchemaWorkspace workspace;

	private final MySqlUrl applicationUrl;

	private final boolean keep;

	private final String username;

	private final ReservedSchema reserved;

	private boolean filled;

	private @Nullable Class<?> filledBy;

	/** Whether the state the context started with was taken. */
	private boolean started;

	/**
	 * Whether nothing ran on the clone since it was last reset to, or taken as, its
	 * baseline.
	 */
	private boolean untouched;

	/** What else a reset does: end the pools' sessions. */
	private final List<Runnable> withReset = new CopyOnWriteArrayList<>();

	/** The last reset's failure, until a reset succeeds. */
	private @Nullable RuntimeException failedReset;

	private @Nullable String failedAfter;

	/**
	 * Reserve a context's clone.
	 * @param fromTemplate whether the context has a migration bean, which fills the clone
	 * from a template: a context without one gets an empty schema, never a clone of a
	 * template its migrations were not compared with
	 */
	ContextClone(MySqlUrl applicationUrl, @Nullable String username, @Nullable String password,
			SchemaCloneProperties properties, WorkspaceSettings settings, boolean fromTemplate) {
		this.applicationUrl = applicationUrl;
		this.keep = properties.isKeepClones();
		this.username = (username != null) ? username : applicationUrl.parameters().getOrDefault("user", "root");
		String adminUser = (properties.getUsername() != null) ? properties.getUsername() : username;
		String adminPassword = (properties.getUsername() != null) ? properties.getPassword() : password;
		this.workspace = SchemaWorkspaces
			.get(new DatabaseServer(applicationUrl.withDatabase(""), adminUser, adminPassword), settings);
		this.reserved = fromTemplate ? this.workspace.reserve(applicationKey(applicationUrl))
				: this.workspace.reserveEmpty();
		this.workspace.hold(this.reserved.name());
	}

	/**
	 * Return what tells this application from others on the same server before its
	 * migrations are read: the schema its URL names and the folder its tests run in (a
	 * module's own in a multi-module build, the same in every checkout).
	 */
	private static String applicationKey(MySqlUrl applicationUrl) {
		Path folder = Path.of(System.getProperty("user.dir")).getFileName();
		String key = applicationUrl.database() + "@" + ((folder != null) ? folder : "");
		return (key.length() > 64) ? key.substring(0, 64) : key;
	}

	/**
	 * Return the application's URL with the clone as its schema.
	 */
	String url() {
		return this.applicationUrl.withDatabase(this.reserved.name()).toJdbcUrl();
	}

	/**
	 * Fill the clone from the template of the context's Flyway or Liquibase set-up,
	 * migrating the template first if no process has. The first set-up to ask fills it; a
	 * context with both runs the other's migration on the filled clone, as it would
	 * without schemaclone. A clone something migrated before (a bean that migrates inside
	 * its own factory method) is converted into a clone of the template, with a warning:
	 * it costs the context the whole history.
	 * @param migrations the set-up
	 * @param source the bean it comes from, named in the warning
	 * @return whether this set-up filled the clone, so that its own run finds nothing to
	 * do
	 */
	synchronized boolean fill(MigrationSet migrations, String source) {
		if (this.filled) {
			return false;
		}
		ReservedSchema reserved = this.workspace.recheck(this.reserved);
		if (reserved.written()) {
			logger
				.warn(("Schema '%s' was migrated before schemaclone could fill it from the template of %s, so this context ran the whole history itself; schemaclone replaces it with a clone of the template. "
						+ "A bean whose factory method calls migrate() (or a SpringLiquibase's afterPropertiesSet()) does this: return the Flyway unmigrated from the method and declare it @Bean(initMethod = \"migrate\"), or let the container initialize the SpringLiquibase")
					.formatted(reserved.name(), source));
		}
		this.template = this.workspace.complete(reserved, migrations);
		this.filled = true;
		this.filledBy = migrations.getClass();
		return true;
	}

	/**
	 * Wait until no test class of another owner runs on this context.
	 * @param owner who runs the class: its turn, or that of the class around it
	 * @param testClass the class about to run, for the error
	 */
	void beginClass(Object owner, String testClass) {
		this.classes.acquire(owner, TEST_WAIT, () -> timedOut(testClass));
	}

	/**
	 * Let the next test class run, after {@link #beginClass}.
	 * @param owner who ran the class
	 */
	void endClass(Object owner) {
		this.classes.release(owner);
	}

	/**
	 * Wait until no other method runs on this context.
	 * @param test the test about to run, for the error
	 */
	void beginMethod(String test) {
		try {
			if (!this.methods.tryLock(TEST_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(timedOut(test));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(test + " was interrupted waiting for the tests before it", ex);
		}
	}

	/**
	 * Let the next method run, after {@link #beginMethod}.
	 */
	void endMethod() {
		this.methods.unlock();
	}

	private String timedOut(String test) {
		return "%s waited %s for the tests before it on schema '%s': the tests of a context with 'schemaclone.refresh' run one at a time, and one of them has not finished"
			.formatted(test, TEST_WAIT, this.reserved.name());
	}

	/**
	 * Take the clone's state now as what its refreshes return to, until
	 * {@link #endBaseline}: the first time, the state its context started with (which is
	 * its template's unless the context wrote while starting), kept until the context
	 * closes; then that of a test class before its tests, and after what they wrote in
	 * {@code @BeforeAll} or class-level {@code @Sql}.
	 * @param test the test or class about to run, named in errors
	 * @throws IllegalStateException if the last reset failed and the clone cannot be made
	 * again
	 */
	synchronized void beginBaseline(String test) {
		if (this.closed || !this.filled) {
			return;
		}
		repairFailedReset(test);
		if (!this.started) {
			this.workspace.beginBaseline(this.reserved.name(), template(), true);
			this.started = true;
			this.untouched = true;
		}
		this.workspace.beginBaseline(this.reserved.name(), template(), !this.untouched);
		this.untouched = false;
	}

	/**
	 * End the last baseline taken: refreshes return to the one before it.
	 */
	synchronized void endBaseline() {
		if (!this.closed && this.filled) {
			this.workspace.endBaseline(this.reserved.name());
		}
	}

	/**
	 * Return the clone to its baseline after a test. A reset that fails is reported here
	 * and tried again before the next test, which fails if the clone still cannot be made
	 * again: no test starts on a clone whose reset failed.
	 * @param test the test that ran, named in warnings
	 */
	synchronized void reset(String test) {
		if (this.closed || !this.filled) {
			return;
		}
		try {
			refresh(test);
		}
		catch (RuntimeException ex) {
			this.failedReset = ex;
			this.failedAfter = test;
			logger.warn(
					"%s; the next test on this context tries again, and fails if it cannot".formatted(ex.getMessage()));
		}
	}

	/**
	 * Have each reset of the clone do more: the sessions a test leaves in the context's
	 * pools hold what no reset of the schema reaches.
	 * @param action what to do with each reset, before it
	 */
	void withEachReset(Runnable action) {
		this.withReset.add(action);
	}

	/**
	 * Make sure the last reset succeeded before a test runs, trying it again if it
	 * failed.
	 * @param test the test about to run, named in the error
	 * @throws IllegalStateException if the clone cannot be made again
	 */
	synchronized void requireReset(String test) {
		if (!this.closed && this.filled) {
			repairFailedReset(test);
		}
	}

	/**
	 * Reset the clone, after asking the pools for new sessions: they open theirs while
	 * the reset runs.
	 */
	private void refresh(String test) {
		this.withReset.forEach(Runnable::run);
		this.workspace.refresh(this.reserved.name(), template(), test);
		this.untouched = true;
	}

	private void repairFailedReset(String test) {
		if (this.failedReset == null) {
			return;
		}
		try {
			refresh("the failed reset after " + this.failedAfter);
			this.failedReset = null;
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(
					"%s does not run: its schema '%s' could not be reset after %s (%s), and cannot be made again (%s)"
						.formatted(test, this.reserved.name(), this.failedAfter, this.failedReset.getMessage(),
								ex.getMessage()),
					ex);
		}
	}

	/**
	 * Keep a copy of the clone as a failed test left it, and tell the developer where it
	 * is.
	 * @param test the test that failed
	 */
	synchronized void keepFailed(String test) {
		if (this.closed || !this.filled) {
			return;
		}
		String copy = this.workspace.keepFailed(this.reserved.name());
		if (copy != null) {
			logger.warn(
					"%s failed; its schema is kept as '%s' until later failures push it out of the %d kept (schemaclone.keep-failed). Open it with: %s, or %s"
						.formatted(test, copy, this.workspace.settings().keepFailed(), mysqlCommand(copy),
								this.applicationUrl.withDatabase(copy)));
		}
	}

	/**
	 * Return a {@code mysql} command line that opens a schema, asking for the password.
	 */
	private String mysqlCommand(String schema) {
		String host = this.applicationUrl.hosts().split(",")[0];
		int colon = host.lastIndexOf(':');
		boolean hasPort = colon > host.lastIndexOf(']');
		return "mysql -h %s%s -u %s -p %s".formatted(hasPort ? host.substring(0, colon) : host,
				hasPort ? " -P " + host.substring(colon + 1) : "", this.username, schema);
	}

	synchronized boolean isFilledBy(Class<? extends MigrationSet> kind) {
		return this.filled && kind.equals(this.filledBy);
	}

	private String template() {
		String template = this.template;
		if (template == null) {
			throw new IllegalStateException(
					"Schema '%s' was not filled from a template".formatted(this.reserved.name()));
		}
		return template;
	}

	synchronized void close() {
		this.closed = true;
		if (this.keep) {
			this.workspace.keep(this.reserved.name());
		}
		else if (this.filled) {
			this.workspace.recycle(this.reserved.name(), template());
		}
		else {
			this.workspace.dropLater(this.reserved.name());
		}
	}

}
