package dev.schemaclone.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.schemaclone.internal.server.Identifiers;
import dev.schemaclone.internal.workspace.WorkspaceSettings;
import dev.schemaclone.internal.workspace.WorkspaceSettings.Names;
import dev.schemaclone.internal.workspace.WorkspaceSettings.Setting;

/**
 * Configuration of schemaclone, under {@value #PREFIX}.
 */
@ConfigurationProperties(SchemaCloneProperties.PREFIX)
public class SchemaCloneProperties {

	public static final String PREFIX = "schemaclone";

	/** How the engine's errors name its settings: by the properties that set them. */
	private static final Names PROPERTY_NAMES = new Names(Map.of(Setting.PREFIX, PREFIX + ".prefix",
			Setting.LOCK_TIMEOUT, PREFIX + ".lock-timeout", Setting.MIGRATION_TIMEOUT, PREFIX + ".migration-timeout",
			Setting.PREFETCH, PREFIX + ".prefetch", Setting.CLONE_CONNECTIONS, PREFIX + ".clone-connections",
			Setting.KEEP_WARM, PREFIX + ".keep-warm", Setting.KEEP_FAILED, PREFIX + ".keep-failed", Setting.LEASE_GRACE,
			PREFIX + ".lease-grace", Setting.SNAPSHOTS, PREFIX + ".snapshot.directory", Setting.CREDENTIALS,
			"'" + PREFIX + ".username' and '" + PREFIX + ".password'"));

	/**
	 * Whether each test context gets its own schema cloned from a once-migrated template.
	 */
	private boolean enabled = true;

	/**
	 * Prefix of every schema schemaclone creates: templates, clones and its registry. 1
	 * to 24 characters of a-z, 0-9 and _, starting with a letter.
	 */
	private String prefix = "schemaclone";

	/**
	 * How long to wait for another process that builds the same template before failing.
	 */
	private Duration lockTimeout = Duration.ofMinutes(5);

	/**
	 * How long the migration of a template may take before it is stopped and fails.
	 */
	private Duration migrationTimeout = Duration.ofMinutes(5);

	/**
	 * User that creates and drops schemas, when the application's own user may not.
	 * Defaults to the application's user.
	 */
	private @Nullable String username;

	/**
	 * Password of the user that creates and drops schemas.
	 */
	private @Nullable String password;

	/**
	 * Whether to keep each clone when its context closes, for debugging. Kept clones are
	 * dropped by the next run that finds their process gone.
	 */
	private boolean keepClones;

	/**
	 * Maximum connections of each clone's pool when the application sets none, so that
	 * many cached contexts fit in the server's max_connections.
	 */
	private int poolSize = 4;

	/**
	 * How many spare clones to prepare in the background while tests run, so that the
	 * next context finds its schema ready. 0 turns prefetching off. Defaults to a value
	 * computed from the machine's cores (described for IDEs in the additional metadata).
	 */
	private int prefetch = WorkspaceSettings.defaultPrefetch();

	/**
	 * Whether each context still runs its own Flyway migrate (Boot's, or the migrate init
	 * method of the application's own Flyway bean) or Liquibase update on its clone. The
	 * clone already holds the full history of the template whose fingerprint matched, so
	 * the run finds nothing to do; skipping it saves its cost on every context.
	 */
	private boolean runContextMigration;

	/**
	 * How many connections one clone spreads its tables and rows over, at most, and how
	 * many clones are dropped or kept warm at once. Defaults to a value computed from the
	 * machine's cores (described for IDEs in the additional metadata).
	 */
	private int cloneConnections = WorkspaceSettings.defaultCloneConnections();

	/**
	 * How many clones per template stay on the server when a test JVM ends, reset to the
	 * template's state, for the next build to claim instead of cloning. 0 drops every
	 * clone at exit.
	 */
	private int keepWarm = 16;

	// A developer looks at the first failures of a run; a run that fails more tests
	// mostly fails them for one cause, and each copy costs a clone's time.
	/**
	 * How many copies of the schemas failed tests left the server keeps, newest first,
	 * for you to look at after the run: the log names each one and how to open it. 0
	 * keeps none.
	 */
	private int keepFailed = 5;

	// Long enough for a paused JVM (a debugger's breakpoint, a long garbage collection, a
	// starved machine) and for a heartbeat to take the lease again on a new connection;
	// short enough that a killed build's clones go with the next run a few minutes later.
	/**
	 * How long a test JVM counts as alive after its last heartbeat (written every 2 s)
	 * once the connection holding its lease is gone, before another build may drop its
	 * clones: a killed JVM's clones are dropped by the first build that starts after
	 * that. At least 10s; raise it if you pause test JVMs in a debugger for longer.
	 */
	private Duration leaseGrace = Duration.ofMinutes(2);

	/**
	 * When to return each context's clone to the state the context started with: never,
	 * after each test class, or after each test method (then each method starts on the
	 * state its class set up before its tests). The test classes of a refreshing context
	 * run one at a time.
	 */
	private Refresh refresh = Refresh.NEVER;

	private final Snapshot snapshot = new Snapshot();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPrefix() {
		return this.prefix;
	}

	public void setPrefix(String prefix) {
		this.prefix = prefix;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public Duration getMigrationTimeout() {
		return this.migrationTimeout;
	}

	public void setMigrationTimeout(Duration migrationTimeout) {
		this.migrationTimeout = migrationTimeout;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public boolean isKeepClones() {
		return this.keepClones;
	}

	public void setKeepClones(boolean keepClones) {
		this.keepClones = keepClones;
	}

	public int getPoolSize() {
		return this.poolSize;
	}

	public void setPoolSize(int poolSize) {
		this.poolSize = poolSize;
	}

	public int getPrefetch() {
		return this.prefetch;
	}

	public void setPrefetch(int prefetch) {
		this.prefetch = prefetch;
	}

	public boolean isRunContextMigration() {
		return this.runContextMigration;
	}

	public void setRunContextMigration(boolean runContextMigration) {
		this.runContextMigration = runContextMigration;
	}

	public int getCloneConnections() {
		return this.cloneConnections;
	}

	public void setCloneConnections(int cloneConnections) {
		this.cloneConnections = cloneConnections;
	}

	public int getKeepWarm() {
		return this.keepWarm;
	}

	public void setKeepWarm(int keepWarm) {
		this.keepWarm = keepWarm;
	}

	public int getKeepFailed() {
		return this.keepFailed;
	}

	public void setKeepFailed(int keepFailed) {
		this.keepFailed = keepFailed;
	}

	public Duration getLeaseGrace() {
		return this.leaseGrace;
	}

	public void setLeaseGrace(Duration leaseGrace) {
		this.leaseGrace = leaseGrace;
	}

	public Refresh getRefresh() {
		return this.refresh;
	}

	public void setRefresh(Refresh refresh) {
		this.refresh = refresh;
	}

	public Snapshot getSnapshot() {
		return this.snapshot;
	}

	/**
	 * Return the engine's settings, after checking every property, and rejecting an
	 * unsafe value with the property's name: the one place where settings are checked.
	 * @return the validated settings
	 */
	public WorkspaceSettings toWorkspaceSettings() {
		Identifiers.requireSafePrefix(this.prefix, PROPERTY_NAMES.of(Setting.PREFIX));
		requireDuration(this.lockTimeout, Setting.LOCK_TIMEOUT);
		requireDuration(this.migrationTimeout, Setting.MIGRATION_TIMEOUT);
		requireDuration(this.leaseGrace, Setting.LEASE_GRACE);
		if (this.leaseGrace.compareTo(WorkspaceSettings.MIN_LEASE_GRACE) < 0) {
			throw new IllegalArgumentException(
					"'%s' must be at least %d seconds, but was %s".formatted(PROPERTY_NAMES.of(Setting.LEASE_GRACE),
							WorkspaceSettings.MIN_LEASE_GRACE.toSeconds(), this.leaseGrace));
		}
		// More spares only queue up work on the server that no context waits for.
		requireBetween(this.prefetch, 0, 8, PROPERTY_NAMES.of(Setting.PREFETCH));
		requireBetween(this.cloneConnections, 1, 16, PROPERTY_NAMES.of(Setting.CLONE_CONNECTIONS));
		// Bounds on what the server keeps per template, and in all.
		requireBetween(this.keepWarm, 0, 256, PROPERTY_NAMES.of(Setting.KEEP_WARM));
		requireBetween(this.keepFailed, 0, 100, PROPERTY_NAMES.of(Setting.KEEP_FAILED));
		requireBetween(this.poolSize, 1, 100, PREFIX + ".pool-size");
		return new WorkspaceSettings(this.prefix, this.lockTimeout, this.migrationTimeout, this.prefetch,
				this.cloneConnections, this.keepWarm, this.keepFailed, this.leaseGrace, PROPERTY_NAMES,
				this.snapshot.enabled ? this.snapshot.directory : null);
	}

	private static void requireDuration(Duration duration, Setting setting) {
		if (duration == null || duration.isNegative() || duration.isZero()
				|| duration.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("'%s' must be more than 0 and at most 1 day, but was %s"
				.formatted(PROPERTY_NAMES.of(setting), duration));
		}
	}

	private static void requireBetween(int value, int min, int max, String property) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(
					"'%s' must be between %d and %d, but was %d".formatted(property, min, max, value));
		}
	}

	/**
	 * Template snapshots: files from which a server that has no template for the
	 * migrations restores it instead of running them.
	 */
	public static class Snapshot {

		/**
		 * Whether to restore a template from a snapshot when the server has none for the
		 * migrations, and to write a snapshot after each template built from history.
		 * Snapshots hold the template's rows: what the migrations inserted.
		 */
		private boolean enabled = true;

		/**
		 * Directory of the template snapshots, one file per migration set and server
		 * version: keep it in a CI cache to skip the migrations on a fresh server.
		 */
		private Path directory = Path.of(System.getProperty("user.home"), ".cache", "schemaclone");

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(Path directory) {
			this.directory = directory;
		}

	}

	/**
	 * When a context's clone is returned to the state the context started with.
	 */
	public enum Refresh {

		/** Never: the tests of a context share what they write. */
		NEVER,

		/** After each test class, once its last test ran. */
		AFTER_EACH_TEST_CLASS,

		/**
		 * After each test method, once Spring rolled back its transaction, to the state
		 * its class started its methods with; and after each test class.
		 */
		AFTER_EACH_TEST_METHOD

	}

}
