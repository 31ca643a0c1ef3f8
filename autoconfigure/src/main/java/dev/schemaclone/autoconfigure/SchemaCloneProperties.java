package dev.schemaclone.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.schemaclone.internal.workspace.WorkspaceSettings;
import dev.schemaclone.internal.workspace.WorkspaceSettings.Names;
import dev.schemaclone.internal.workspace.WorkspaceSettings.Setting;

/**
 * Configuration of schemaclone, under {@value #PREFIX}.
 */
@ConfigurationProperties(SchemaCloneProperties.PREFIX)
public class SchemaCloneProperties {

	public static final String PREFIX = "schemaclone";

	/** One instance, so that equal properties make equal settings. */
	private static final Names PROPERTY_NAMES = SchemaCloneProperties::propertyOf;

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
	private String username;

	/**
	 * Password of the user that creates and drops schemas.
	 */
	private String password;

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
	 * next context finds its schema ready. 0 turns prefetching off. Default: 1 on
	 * machines with more than two cores, else 0.
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
	 * many clones are dropped or kept warm at once. Default: one per two cores, at most
	 * 4.
	 */
	private int cloneConnections = WorkspaceSettings.defaultCloneConnections();

	/**
	 * How many clones per template stay on the server when a test JVM ends, reset to the
	 * template's state, for the next build to claim instead of cloning. 0 drops every
	 * clone at exit.
	 */
	private int keepWarm = WorkspaceSettings.DEFAULT_KEEP_WARM;

	/**
	 * How many copies of the schemas failed tests left the server keeps, newest first,
	 * for you to look at after the run: the log names each one and how to open it. 0
	 * keeps none.
	 */
	private int keepFailed = WorkspaceSettings.DEFAULT_KEEP_FAILED;

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

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
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
	 * Return the engine's settings, rejecting unsafe values with the property's name.
	 * @return the validated settings
	 */
	WorkspaceSettings toWorkspaceSettings() {
		if (this.poolSize < 1 || this.poolSize > 100) {
			throw new IllegalArgumentException(
					"'schemaclone.pool-size' must be between 1 and 100, but was " + this.poolSize);
		}
		return new WorkspaceSettings(this.prefix, this.lockTimeout, this.migrationTimeout, this.prefetch,
				this.cloneConnections, this.keepWarm, this.keepFailed, this.leaseGrace, PROPERTY_NAMES,
				this.snapshot.enabled ? this.snapshot.directory : null);
	}

	/**
	 * Return the property that sets one of the engine's settings, as its errors name it.
	 */
	private static String propertyOf(Setting setting) {
		return switch (setting) {
			case PREFIX -> PREFIX + ".prefix";
			case LOCK_TIMEOUT -> PREFIX + ".lock-timeout";
			case MIGRATION_TIMEOUT -> PREFIX + ".migration-timeout";
			case PREFETCH -> PREFIX + ".prefetch";
			case CLONE_CONNECTIONS -> PREFIX + ".clone-connections";
			case KEEP_WARM -> PREFIX + ".keep-warm";
			case KEEP_FAILED -> PREFIX + ".keep-failed";
			case LEASE_GRACE -> PREFIX + ".lease-grace";
			case CREDENTIALS -> "'" + PREFIX + ".username' and '" + PREFIX + ".password'";
		};
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
		 * Default: .cache/schemaclone in the user's home directory.
		 */
		private Path directory = WorkspaceSettings.DEFAULT_SNAPSHOTS;

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
