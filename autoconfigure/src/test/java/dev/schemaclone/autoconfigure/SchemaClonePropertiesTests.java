package dev.schemaclone.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.schemaclone.internal.workspace.WorkspaceSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link SchemaCloneProperties} checks every setting in one place and names it by its
 * property, in its own errors and in the engine's.
 */
class SchemaClonePropertiesTests {

	@Test
	void defaultsMakeTheEngineSettings() {
		WorkspaceSettings settings = new SchemaCloneProperties().toWorkspaceSettings();
		assertThat(settings.prefix()).isEqualTo("schemaclone");
		assertThat(settings.keepWarm()).isEqualTo(16);
		assertThat(settings.keepFailed()).isEqualTo(5);
		assertThat(settings.leaseGrace()).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.prefetch()).isEqualTo(WorkspaceSettings.defaultPrefetch());
		assertThat(settings.cloneConnections()).isEqualTo(WorkspaceSettings.defaultCloneConnections());
	}

	@Test
	void engineErrorsNameTheProperties() {
		assertThat(new SchemaCloneProperties().toWorkspaceSettings()).hasToString(
				"schemaclone.prefix=schemaclone, schemaclone.lock-timeout=PT5M, schemaclone.migration-timeout=PT5M, schemaclone.prefetch=%d, schemaclone.clone-connections=%d, schemaclone.keep-warm=16, schemaclone.keep-failed=5, schemaclone.lease-grace=PT2M, schemaclone.snapshot.directory=%s"
					.formatted(WorkspaceSettings.defaultPrefetch(), WorkspaceSettings.defaultCloneConnections(),
							Path.of(System.getProperty("user.home"), ".cache", "schemaclone")));
	}

	@Test
	void equalPropertiesMakeEqualSettings() {
		assertThat(new SchemaCloneProperties().toWorkspaceSettings())
			.isEqualTo(new SchemaCloneProperties().toWorkspaceSettings());
	}

	@Test
	void unsafePrefixIsRejected() {
		SchemaCloneProperties properties = new SchemaCloneProperties();
		properties.setPrefix("Upper");
		assertThatIllegalArgumentException().isThrownBy(properties::toWorkspaceSettings)
			.withMessage(
					"'Upper' is not a safe schema name prefix (from schemaclone.prefix): use 1 to 24 characters of a-z, 0-9 and _, starting with a letter");
	}

	@Test
	void absurdMigrationTimeoutIsRejected() {
		SchemaCloneProperties properties = new SchemaCloneProperties();
		properties.setMigrationTimeout(Duration.ofDays(30));
		assertThatIllegalArgumentException().isThrownBy(properties::toWorkspaceSettings)
			.withMessage("'schemaclone.migration-timeout' must be more than 0 and at most 1 day, but was PT720H");
	}

	@Test
	void leaseGraceShorterThanFiveHeartbeatsIsRejected() {
		SchemaCloneProperties properties = new SchemaCloneProperties();
		properties.setLeaseGrace(Duration.ofSeconds(3));
		assertThatIllegalArgumentException().isThrownBy(properties::toWorkspaceSettings)
			.withMessage("'schemaclone.lease-grace' must be at least 10 seconds, but was PT3S");
	}

	@Test
	void keepWarmBeyondItsBoundIsRejected() {
		SchemaCloneProperties properties = new SchemaCloneProperties();
		properties.setKeepWarm(1000);
		assertThatIllegalArgumentException().isThrownBy(properties::toWorkspaceSettings)
			.withMessage("'schemaclone.keep-warm' must be between 0 and 256, but was 1000");
	}

	@Test
	void prefetchBeyondItsBoundIsRejected() {
		SchemaCloneProperties properties = new SchemaCloneProperties();
		properties.setPrefetch(9);
		assertThatIllegalArgumentException().isThrownBy(properties::toWorkspaceSettings)
			.withMessage("'schemaclone.prefetch' must be between 0 and 8, but was 9");
	}

	@Test
	void poolSizeIsCheckedWithTheOthers() {
		SchemaCloneProperties properties = new SchemaCloneProperties();
		properties.setPoolSize(101);
		assertThatIllegalArgumentException().isThrownBy(properties::toWorkspaceSettings)
			.withMessage("'schemaclone.pool-size' must be between 1 and 100, but was 101");
	}

}
