package dev.schemaclone.internal.workspace;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.schemaclone.internal.workspace.WorkspaceSettings.Names;
import dev.schemaclone.internal.workspace.WorkspaceSettings.Setting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkspaceSettingsTests {

	@Test
	void settingsOfTheEngineOwnUsersAreNamedAsComponents() {
		WorkspaceSettings settings = new WorkspaceSettings("sc", Duration.ofMinutes(1), Duration.ofMinutes(2));
		assertThat(settings).hasToString(
				"prefix=sc, lockTimeout=PT1M, migrationTimeout=PT2M, prefetch=0, cloneConnections=4, keepWarm=0, keepFailed=0, leaseGrace=PT2M, snapshots=off");
	}

	@Test
	void namesMustNameEverySetting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Names(Map.of(Setting.PREFIX, "p", Setting.LOCK_TIMEOUT, "l")))
			.withMessage(
					"No name given for [MIGRATION_TIMEOUT, PREFETCH, CLONE_CONNECTIONS, KEEP_WARM, KEEP_FAILED, LEASE_GRACE, SNAPSHOTS, CREDENTIALS]");
	}

	@Test
	void equalNamesMakeEqualSettings() {
		Map<Setting, String> names = Map.of(Setting.PREFIX, "a", Setting.LOCK_TIMEOUT, "b", Setting.MIGRATION_TIMEOUT,
				"c", Setting.PREFETCH, "d", Setting.CLONE_CONNECTIONS, "e", Setting.KEEP_WARM, "f", Setting.KEEP_FAILED,
				"g", Setting.LEASE_GRACE, "h", Setting.SNAPSHOTS, "j", Setting.CREDENTIALS, "i");
		assertThat(settings(new Names(names))).isEqualTo(settings(new Names(Map.copyOf(names))));
	}

	private static WorkspaceSettings settings(Names names) {
		return new WorkspaceSettings("sc", Duration.ofMinutes(1), Duration.ofMinutes(1), 0, 1, 0, 0,
				Duration.ofMinutes(2), names, null);
	}

}
