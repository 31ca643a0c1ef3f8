package dev.schemaclone.internal.workspace;

import java.time.Duration;

import dev.schemaclone.internal.server.Identifiers;

/**
 * How a {@link SchemaWorkspace} names its schemas and how long it waits.
 *
 * @param prefix the prefix of every schema it creates
 * @param lockTimeout how long to wait for another process's template build
 * @param migrationTimeout how long one template migration may take
 * @param prefetch how many spare clones to keep ready in the background, 0 for none
 * @param cloneConnections how many connections one clone spreads its tables over, at most, and
 * how many clones are dropped at once
 * @param keepWarm how many reset clones per template stay on the server when this process
 * ends, for later processes to claim; 0 drops them all
 * @param keepFailed how many copies of the clones failed tests left the server keeps under
 * the prefix, newest first; 0 keeps none
 */
public record WorkspaceSettings(String prefix, Duration lockTimeout, Duration migrationTimeout, int prefetch,
		int cloneConnections, int keepWarm, int keepFailed) {

	/** The most connections one clone spreads its tables over by default. */
	public static final int DEFAULT_CLONE_CONNECTIONS = 4;

	public static final int DEFAULT_KEEP_WARM = 16;

	/** A bound on what the server keeps per template. */
	public static final int MAX_KEEP_WARM = 256;

	/**
	 * A developer looks at the first failures of a run; a run that fails more tests mostly
	 * fails them for one cause, and each copy costs a clone's time.
	 */
	public static final int DEFAULT_KEEP_FAILED = 5;

	public static final int MAX_KEEP_FAILED = 100;

	/** More spares than this only queue up work on the server that no context waits for. */
	public static final int MAX_PREFETCH = 8;

	public static final String DEFAULT_PREFIX = "schemaclone";

	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

	public static final Duration DEFAULT_MIGRATION_TIMEOUT = Duration.ofMinutes(5);

	public WorkspaceSettings {
		Identifiers.requireSafePrefix(prefix, "schemaclone.prefix");
		requirePositive(lockTimeout, "schemaclone.lock-timeout");
		requirePositive(migrationTimeout, "schemaclone.migration-timeout");
		if (prefetch < 0 || prefetch > MAX_PREFETCH) {
			throw new IllegalArgumentException(
					"'schemaclone.prefetch' must be between 0 and %d, but was %d".formatted(MAX_PREFETCH, prefetch));
		}
		if (cloneConnections < 1 || cloneConnections > 16) {
			throw new IllegalArgumentException(
					"'schemaclone.clone-connections' must be between 1 and 16, but was " + cloneConnections);
		}
		if (keepWarm < 0 || keepWarm > MAX_KEEP_WARM) {
			throw new IllegalArgumentException(
					"'schemaclone.keep-warm' must be between 0 and %d, but was %d".formatted(MAX_KEEP_WARM, keepWarm));
		}
		if (keepFailed < 0 || keepFailed > MAX_KEEP_FAILED) {
			throw new IllegalArgumentException("'schemaclone.keep-failed' must be between 0 and %d, but was %d"
				.formatted(MAX_KEEP_FAILED, keepFailed));
		}
	}

	/**
	 * Settings without prefetch, warm clones or failed tests' copies: every clone is dropped
	 * at the end.
	 */
	public WorkspaceSettings(String prefix, Duration lockTimeout, Duration migrationTimeout) {
		this(prefix, lockTimeout, migrationTimeout, 0, DEFAULT_CLONE_CONNECTIONS, 0, 0);
	}

	/**
	 * Return how many connections a clone spreads its tables over by default on this machine:
	 * on a disk-backed server spreading lets the waits for disk overlap (a 120-table clone
	 * alone 364 → 265 ms over four), but on two cores shared by several forks and the server,
	 * the extra sessions compete with the tests (a client suite ran 31 s with four against
	 * 32 s with one, 28 s with one and no prefetch): one connection per two cores, at most four.
	 * @return the default
	 */
	public static int defaultCloneConnections() {
		return Math.max(1, Math.min(DEFAULT_CLONE_CONNECTIONS, Runtime.getRuntime().availableProcessors() / 2));
	}

	/**
	 * Return how many spares to prepare by default on this machine: one where cores are to
	 * spare, none on two cores or fewer, where a spare no context takes is work the tests of
	 * other forks wait for (see {@link #defaultCloneConnections()}).
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
				defaultCloneConnections(), DEFAULT_KEEP_WARM, DEFAULT_KEEP_FAILED);
	}

	private static void requirePositive(Duration duration, String property) {
		if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException(
					"'%s' must be more than 0 and at most 1 day, but was %s".formatted(property, duration));
		}
	}

}
