package dev.schemaclone.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.schemaclone.internal.migration.MigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.MySqlUrl;
import dev.schemaclone.internal.workspace.ReservedSchema;
import dev.schemaclone.internal.workspace.SchemaWorkspace;
import dev.schemaclone.internal.workspace.SchemaWorkspaces;
import dev.schemaclone.internal.workspace.WorkspaceSettings;

/**
 * The schema of one application context: created empty when the context first asks for its
 * URL, filled from the template when the context's Flyway is ready, reset to the template's
 * state after tests when the context refreshes, and, when the context closes, reset in the
 * background to serve the next context.
 */
final class ContextSchema {

	private static final Log logger = LogFactory.getLog(ContextSchema.class);

	/** A test waits at most this long for the tests before it on the same refreshing context. */
	static final Duration TEST_WAIT = Duration.ofMinutes(30);

	/**
	 * The tests of a refreshing context run one at a time: none sees another's rows or reset.
	 * Held by the thread that runs the test (JUnit runs a test's callbacks on one thread), and
	 * reentrant, so that a {@code @Nested} class runs inside the class around it.
	 */
	private final ReentrantLock tests = new ReentrantLock(true);

	private String template;

	private boolean closed;

	private final SchemaWorkspace workspace;

	private final MySqlUrl applicationUrl;

	private final boolean keep;

	private final String username;

	private final ReservedSchema reserved;

	private boolean filled;

	private Class<?> filledBy;

	ContextSchema(MySqlUrl applicationUrl, String username, String password, SchemaCloneProperties properties,
			WorkspaceSettings settings) {
		this.applicationUrl = applicationUrl;
		this.keep = properties.isKeepClones();
		this.username = (username != null) ? username : applicationUrl.parameters().getOrDefault("user", "root");
		String adminUser = (properties.getUsername() != null) ? properties.getUsername() : username;
		String adminPassword = (properties.getUsername() != null) ? properties.getPassword() : password;
		this.workspace = SchemaWorkspaces.get(new DatabaseServer(applicationUrl.withDatabase(""), adminUser, adminPassword),
				settings);
		this.reserved = this.workspace.reserve(applicationKey(applicationUrl));
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
	 * Fill the clone from the template of the context's Flyway or Liquibase set-up, migrating
	 * the template first if no process has. The first set-up to ask fills it; a context with
	 * both runs the other's migration on the filled clone, as it would without schemaclone.
	 * @return whether this set-up filled the clone, so that its own run finds nothing to do
	 */
	synchronized boolean fill(MigrationSet migrations) {
		if (this.filled) {
			return false;
		}
		this.template = this.workspace.complete(this.reserved, migrations);
		this.filled = true;
		this.filledBy = migrations.getClass();
		return true;
	}

	/**
	 * Wait until no other test of this context runs.
	 * @param test the test about to run, for the error
	 */
	void beginTest(String test) {
		try {
			if (!this.tests.tryLock(TEST_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("%s waited %s for the tests before it on schema '%s': the tests of a context with 'schemaclone.refresh' run one at a time, and one of them has not finished"
					.formatted(test, TEST_WAIT, this.reserved.name()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(test + " was interrupted waiting for the tests before it", ex);
		}
	}

	/**
	 * Return the clone to its template's state after a test and let the next test run.
	 * @param test the test that ran, named in warnings
	 */
	void endTest(String test) {
		try {
			reset(test);
		}
		finally {
			this.tests.unlock();
		}
	}

	private synchronized void reset(String test) {
		if (!this.closed && this.filled) {
			this.workspace.refresh(this.reserved.name(), this.template, test);
		}
	}

	/**
	 * Keep a copy of the clone as a failed test left it, and tell the developer where it is.
	 * @param test the test that failed
	 */
	synchronized void keepFailed(String test) {
		if (this.closed || !this.filled) {
			return;
		}
		String copy = this.workspace.keepFailed(this.reserved.name());
		if (copy != null) {
			logger.warn("%s failed; its schema is kept as '%s' until later failures push it out of the %d kept (schemaclone.keep-failed). Open it with: %s, or %s"
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

	synchronized void close() {
		this.closed = true;
		if (this.keep) {
			this.workspace.keep(this.reserved.name());
		}
		else if (this.filled) {
			this.workspace.recycle(this.reserved.name(), this.template);
		}
		else {
			this.workspace.dropLater(this.reserved.name());
		}
	}

}
