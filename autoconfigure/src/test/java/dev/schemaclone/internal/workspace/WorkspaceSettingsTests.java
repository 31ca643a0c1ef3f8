package dev.schemaclone.internal.workspace;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.schemaclone.autoconfigure.SchemaCloneProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkspaceSettingsTests {

	@Test
	void negativeLockTimeoutIsRejectedWithThePropertyName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WorkspaceSettings("sc", Duration.ofSeconds(-1), Duration.ofMinutes(1)))
			.withMessage("'lockTimeout' must be more than 0 and at most 1 day, but was PT-1S");
	}

	@Test
	void absurdMigrationTimeoutIsRejectedWithThePropertyName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WorkspaceSettings("sc", Duration.ofMinutes(1), Duration.ofDays(30)))
			.withMessage("'migrationTimeout' must be more than 0 and at most 1 day, but was PT720H");
	}

	@Test
	void explicitWiringDefaultsAreTheAutoConfigurations() {
		SchemaCloneProperties properties = new SchemaCloneProperties();
		assertThat(WorkspaceSettings.defaults())
			.isEqualTo(new WorkspaceSettings(properties.getPrefix(), properties.getLockTimeout(),
					properties.getMigrationTimeout(), properties.getPrefetch(), properties.getCloneConnections(),
					properties.getKeepWarm(), properties.getKeepFailed())
				.withLeaseGrace(properties.getLeaseGrace())
				.withSnapshots(properties.getSnapshot().getDirectory()));
	}

	@Test
	void leaseGraceShorterThanFiveHeartbeatsIsRejectedWithThePropertyName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WorkspaceSettings.defaults().withLeaseGrace(Duration.ofSeconds(3)))
			.withMessage("'leaseGrace' must be at least 10 seconds, but was PT3S");
	}

	@Test
	void keepWarmBeyondItsBoundIsRejectedWithThePropertyName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WorkspaceSettings("sc", Duration.ofMinutes(1), Duration.ofMinutes(1), 0, 1, 1000, 0))
			.withMessage("'keepWarm' must be between 0 and 256, but was 1000");
	}

}
