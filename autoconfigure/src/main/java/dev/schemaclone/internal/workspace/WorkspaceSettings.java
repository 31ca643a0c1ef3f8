package dev.schemaclone.internal.workspace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How a {@link SchemaWorkspace} names its schemas and how long it waits: values checked
 * by the layer that takes them from the user, which also names them for the engine's
 * errors.
 *
 * @param prefix the prefix of every schema it creates
 * @param lockTimeout how long to wait for another process's template build
 * @param migrationTimeout how long one template migration may take
 * @param prefetch how many spare clones to keep ready in the background, 0 for none
 * @param cloneConnections how many connections one clone spreads its tables over, at
 * most, and how many clones are dropped at once
 * @param keepWarm how many reset clones per template stay on the server when this process
 * ends, for later processes to claim; 0 drops them all
 * @param keepFailed how many copies of the clones failed tests left the server keeps
 * under the prefix, newest first; 0 keeps none
 * @param leaseGrace how long after its last heartbeat a process whose lease lock is free
 * still counts as alive: other processes drop its clones only after that
 * @param names how errors name each setting: {@link Names#COMPONENTS} for the engine's
 * own users, the properties that set them for the Spring layer
 * @param snapshots the directory of template snapshots, {@code null} for none
 */
public record WorkspaceSettings(String prefix, Duration lockTimeout, Duration migrationTimeout, int prefetch,
		int cloneConnections, int keepWarm, int keepFailed, Duration leaseGrace, Names names,
		@Nullable Path snapshots) {

	/** The most connections one clone spreads its tables over by default. */
	public static final int DEFAULT_CLONE_CONNECTIONS = 4;

	/**
	 * The shortest lease grace: five heartbeats, as less would count a process dead that
	 * merely lost one connection.
	 */
	public static final Duration MIN_LEASE_GRACE = Duration.ofSeconds(10);

	/**
	 * The lease grace of
	 * {@link #WorkspaceSettings(String, Duration, Duration, int, int, int, int) the
	 * engine's own users}, tests and benchmarks in one JVM, whose owners stay alive.
	 */
	private static final Duration ENGINE_LEASE_GRACE = Duration.ofMinutes(2);

	/**
	 * Settings named as the components of this record in errors, for the engine's own
	 * users, without template snapshots.
	 */
	public WorkspaceSettings(String prefix, Duration lockTimeout, Duration migrationTimeout, int prefetch,
			int cloneConnections, int keepWarm, int keepFailed) {
		this(prefix, lockTimeout, migrationTimeout, prefetch, cloneConnections, keepWarm, keepFailed,
				ENGINE_LEASE_GRACE, Names.COMPONENTS, null);
	}

	/**
	 * Settings without prefetch, warm clones or failed tests' copies: every clone is
	 * dropped at the end.
	 */
	public WorkspaceSettings(String prefix, Duration lockTimeout, Duration migrationTimeout) {
		this(prefix, lockTimeout, migrationTimeout, 0, DEFAULT_CLONE_CONNECTIONS, 0, 0);
	}

	/**
	 * Return the same settings with another lease grace.
	 * @param grace the grace
	 * @return the new settings
	 */
	public WorkspaceSettings withLeaseGrace(Duration grace) {
		return new WorkspaceSettings(this.prefix, this.lockTimeout, this.migrationTimeout, this.prefetch,
				this.cloneConnections, this.keepWarm, this.keepFailed, grace, this.names, this.snapshots);
	}

	/**
	 * Return the same settings with template snapshots kept in another directory.
	 * @param directory the directory, {@code null} for no snapshots
	 * @return the new settings
	 */
	public WorkspaceSettings withSnapshots(@Nullable Path directory) {
		return new WorkspaceSettings(this.prefix, this.lockTimeout, this.migrationTimeout, this.prefetch,
				this.cloneConnections, this.keepWarm, this.keepFailed, this.leaseGrace, this.names, directory);
	}

	/**
	 * Return how many connections a clone spreads its tables over by default on this
	 * machine: on a disk-backed server spreading lets the waits for disk overlap (a
	 * 120-table clone alone 364 → 265 ms over four), but on two cores shared by several
	 * forks and the server, the extra sessions compete with the tests (a client suite ran
	 * 31 s with four against 32 s with one, 28 s with one and no prefetch): one
	 * connection per two cores, at most four.
	 * @return the default
	 */
	public static int defaultCloneConnections() {
		return Math.max(1, Math.min(DEFAULT_CLONE_CONNECTIONS, Runtime.getRuntime().availableProcessors() / 2));
	}

	/**
	 * Return how many spares to prepare by default on this machine: one where cores are
	 * to spare, none on two cores or fewer, where a spare no context takes is work the
	 * tests of other forks wait for (see {@link #defaultCloneConnections()}).
	 * @return the default
	 */
	public static int defaultPrefetch() {
		return (Runtime.getRuntime().availableProcessors() > 2) ? 1 : 0;
	}

	/**
	 * Return the settings as a user sets them, for messages.
	 */
	@Override
	public String toString() {
		return "%s=%s, %s=%s, %s=%s, %s=%d, %s=%d, %s=%d, %s=%d, %s=%s, %s=%s".formatted(this.names.of(Setting.PREFIX),
				this.prefix, this.names.of(Setting.LOCK_TIMEOUT), this.lockTimeout,
				this.names.of(Setting.MIGRATION_TIMEOUT), this.migrationTimeout, this.names.of(Setting.PREFETCH),
				this.prefetch, this.names.of(Setting.CLONE_CONNECTIONS), this.cloneConnections,
				this.names.of(Setting.KEEP_WARM), this.keepWarm, this.names.of(Setting.KEEP_FAILED), this.keepFailed,
				this.names.of(Setting.LEASE_GRACE), this.leaseGrace, this.names.of(Setting.SNAPSHOTS),
				(this.snapshots != null) ? this.snapshots : "off");
	}

	/**
	 * A setting an error can ask the user to change.
	 */
	public enum Setting {

		PREFIX, LOCK_TIMEOUT, MIGRATION_TIMEOUT, PREFETCH, CLONE_CONNECTIONS, KEEP_WARM, KEEP_FAILED, LEASE_GRACE,

		/** Where template snapshots are kept, or whether at all. */
		SNAPSHOTS,

		/** The user that creates and drops schemas, and its password. */
		CREDENTIALS

	}

	/**
	 * How errors name the settings, given as data by the layer that sets them: the engine
	 * knows no property names.
	 *
	 * @param bySetting the name of every setting
	 */
	public record Names(Map<Setting, String> bySetting) {

		/** The components of {@link WorkspaceSettings}, such as {@code lockTimeout}. */
		public static final Names COMPONENTS = new Names(Map.of(Setting.PREFIX, "prefix", Setting.LOCK_TIMEOUT,
				"lockTimeout", Setting.MIGRATION_TIMEOUT, "migrationTimeout", Setting.PREFETCH, "prefetch",
				Setting.CLONE_CONNECTIONS, "cloneConnections", Setting.KEEP_WARM, "keepWarm", Setting.KEEP_FAILED,
				"keepFailed", Setting.LEASE_GRACE, "leaseGrace", Setting.SNAPSHOTS, "snapshots", Setting.CREDENTIALS,
				"the server's username and password"));

		/**
		 * Names every setting, or fails naming those left out.
		 */
		public Names {
			Set<Setting> missing = EnumSet.allOf(Setting.class);
			missing.removeAll(bySetting.keySet());
			if (!missing.isEmpty()) {
				throw new IllegalArgumentException("No name given for " + missing);
			}
			bySetting = Map.copyOf(bySetting);
		}

		/**
		 * Return the name of a setting as the user sets it.
		 * @param setting the setting
		 * @return its name
		 */
		@SuppressWarnings("NullAway") // the constructor requires a name for every setting
		public String of(Setting setting) {
			return this.bySetting.get(setting);
		}

	}

}
