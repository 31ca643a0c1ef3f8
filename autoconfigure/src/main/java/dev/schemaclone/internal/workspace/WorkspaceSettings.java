package dev.schemaclone.internal.workspace;

import java.nio.file.Path;
import java.time.Duration;

import dev.schemaclone.internal.server.Identifiers;

/**
 * How a {@link SchemaWorkspace} names its schemas and how long it waits.
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
		int cloneConnections, int keepWarm, int keepFailed, Duration leaseGrace, Names names, Path snapshots) {

	/**
	 * Where template snapshots are kept by default: a directory CI caches can keep.
	 */
	public static final Path DEFAULT_SNAPSHOTS = Path.of(System.getProperty("user.home"), ".cache", "schemaclone");

	/** The most connections one clone spreads its tables over by default. */
	public static final int DEFAULT_CLONE_CONNECTIONS = 4;

	public static final int DEFAULT_KEEP_WARM = 16;

	/** A bound on what the server keeps per template. */
	public static final int MAX_KEEP_WARM = 256;

	/**
	 * A developer looks at the first failures of a run; a run that fails more tests
	 * mostly fails them for one cause, and each copy costs a clone's time.
	 */
	public static final int DEFAULT_KEEP_FAILED = 5;

	public static final int MAX_KEEP_FAILED = 100;

	/**
	 * More spares than this only queue up work on the server that no context waits for.
	 */
	public static final int MAX_PREFETCH = 8;

	public static final String DEFAULT_PREFIX = "schemaclone";

	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

	public static final Duration DEFAULT_MIGRATION_TIMEOUT = Duration.ofMinutes(5);

	/**
	 * Long enough for a paused JVM (a debugger's breakpoint, a long garbage collection, a
	 * starved machine) and for a heartbeat to take the lease again on a new connection;
	 * short enough that a killed build's clones go with the next run a few minutes later.
	 */
	public static final Duration DEFAULT_LEASE_GRACE = Duration.ofMinutes(2);

	/**
	 * Five heartbeats: less would count a process dead that merely lost one connection.
	 */
	public static final Duration MIN_LEASE_GRACE = Duration.ofSeconds(10);

	public WorkspaceSettings {
		Identifiers.requireSafePrefix(prefix, names.of(Setting.PREFIX));
		requirePositive(lockTimeout, names.of(Setting.LOCK_TIMEOUT));
		requirePositive(migrationTimeout, names.of(Setting.MIGRATION_TIMEOUT));
		requireBetween(prefetch, 0, MAX_PREFETCH, names.of(Setting.PREFETCH));
		requireBetween(cloneConnections, 1, 16, names.of(Setting.CLONE_CONNECTIONS));
		requireBetween(keepWarm, 0, MAX_KEEP_WARM, names.of(Setting.KEEP_WARM));
		requireBetween(keepFailed, 0, MAX_KEEP_FAILED, names.of(Setting.KEEP_FAILED));
		requirePositive(leaseGrace, names.of(Setting.LEASE_GRACE));
		if (leaseGrace.compareTo(MIN_LEASE_GRACE) < 0) {
			throw new IllegalArgumentException("'%s' must be at least %d seconds, but was %s"
				.formatted(names.of(Setting.LEASE_GRACE), MIN_LEASE_GRACE.toSeconds(), leaseGrace));
		}
	}

	/**
	 * Settings named as the components of this record in errors, without template
	 * snapshots.
	 */
	public WorkspaceSettings(String prefix, Duration lockTimeout, Duration migrationTimeout, int prefetch,
			int cloneConnections, int keepWarm, int keepFailed) {
		this(prefix, lockTimeout, migrationTimeout, prefetch, cloneConnections, keepWarm, keepFailed,
				DEFAULT_LEASE_GRACE, Names.COMPONENTS, null);
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
	public WorkspaceSettings withSnapshots(Path directory) {
		return new WorkspaceSettings(this.prefix, this.lockTimeout, this.migrationTimeout, this.prefetch,
				this.cloneConnections, this.keepWarm, this.keepFailed, this.leaseGrace, this.names, directory);
	}

	/**
	 * Settings without prefetch, warm clones or failed tests' copies: every clone is
	 * dropped at the end.
	 */
	public WorkspaceSettings(String prefix, Duration lockTimeout, Duration migrationTimeout) {
		this(prefix, lockTimeout, migrationTimeout, 0, DEFAULT_CLONE_CONNECTIONS, 0, 0);
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
	 * Return the settings the auto-configuration uses when none is set.
	 * @return the defaults
	 */
	public static WorkspaceSettings defaults() {
		return new WorkspaceSettings(DEFAULT_PREFIX, DEFAULT_LOCK_TIMEOUT, DEFAULT_MIGRATION_TIMEOUT, defaultPrefetch(),
				defaultCloneConnections(), DEFAULT_KEEP_WARM, DEFAULT_KEEP_FAILED)
			.withSnapshots(DEFAULT_SNAPSHOTS);
	}

	/**
	 * Return the settings as a user sets them, for messages.
	 */
	@Override
	public String toString() {
		return "%s=%s, %s=%s, %s=%s, %s=%d, %s=%d, %s=%d, %s=%d, %s=%s".formatted(this.names.of(Setting.PREFIX),
				this.prefix, this.names.of(Setting.LOCK_TIMEOUT), this.lockTimeout,
				this.names.of(Setting.MIGRATION_TIMEOUT), this.migrationTimeout, this.names.of(Setting.PREFETCH),
				this.prefetch, this.names.of(Setting.CLONE_CONNECTIONS), this.cloneConnections,
				this.names.of(Setting.KEEP_WARM), this.keepWarm, this.names.of(Setting.KEEP_FAILED), this.keepFailed,
				this.names.of(Setting.LEASE_GRACE), this.leaseGrace);
	}

	private static void requirePositive(Duration duration, String setting) {
		if (duration == null || duration.isNegative() || duration.isZero()
				|| duration.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException(
					"'%s' must be more than 0 and at most 1 day, but was %s".formatted(setting, duration));
		}
	}

	private static void requireBetween(int value, int min, int max, String setting) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(
					"'%s' must be between %d and %d, but was %d".formatted(setting, min, max, value));
		}
	}

	/**
	 * A setting an error can ask the user to change.
	 */
	public enum Setting {

		PREFIX, LOCK_TIMEOUT, MIGRATION_TIMEOUT, PREFETCH, CLONE_CONNECTIONS, KEEP_WARM, KEEP_FAILED, LEASE_GRACE,

		/** The user that creates and drops schemas, and its password. */
		CREDENTIALS

	}

	/**
	 * How errors name the settings: the engine knows no property names, the layer that
	 * sets the settings does.
	 */
	@FunctionalInterface
	public interface Names {

		/** The components of {@link WorkspaceSettings}, such as {@code lockTimeout}. */
		Names COMPONENTS = (setting) -> switch (setting) {
			case PREFIX -> "prefix";
			case LOCK_TIMEOUT -> "lockTimeout";
			case MIGRATION_TIMEOUT -> "migrationTimeout";
			case PREFETCH -> "prefetch";
			case CLONE_CONNECTIONS -> "cloneConnections";
			case KEEP_WARM -> "keepWarm";
			case KEEP_FAILED -> "keepFailed";
			case LEASE_GRACE -> "leaseGrace";
			case CREDENTIALS -> "the server's username and password";
		};

		/**
		 * Return the name of a setting as the user sets it.
		 * @param setting the setting
		 * @return its name
		 */
		String of(Setting setting);

	}

}
