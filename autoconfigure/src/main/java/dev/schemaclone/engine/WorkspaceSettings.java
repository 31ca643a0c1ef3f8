package dev.schemaclone.engine;

import java.time.Duration;

/**
 * How a {@link SchemaWorkspace} names its schemas and how long it waits.
 *
 * @param prefix the prefix of every schema it creates
 * @param lockTimeout how long to wait for another process's template build
 * @param migrationTimeout how long one template migration may take
 */
public record WorkspaceSettings(String prefix, Duration lockTimeout, Duration migrationTimeout) {

	public static final String DEFAULT_PREFIX = "schemaclone";

	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

	public static final Duration DEFAULT_MIGRATION_TIMEOUT = Duration.ofMinutes(5);

	public WorkspaceSettings {
		Identifiers.requireSafePrefix(prefix, "schemaclone.prefix");
		requirePositive(lockTimeout, "schemaclone.lock-timeout");
		requirePositive(migrationTimeout, "schemaclone.migration-timeout");
	}

	public static WorkspaceSettings defaults() {
		return new WorkspaceSettings(DEFAULT_PREFIX, DEFAULT_LOCK_TIMEOUT, DEFAULT_MIGRATION_TIMEOUT);
	}

	private static void requirePositive(Duration duration, String property) {
		if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException(
					"'%s' must be more than 0 and at most 1 day, but was %s".formatted(property, duration));
		}
	}

}
