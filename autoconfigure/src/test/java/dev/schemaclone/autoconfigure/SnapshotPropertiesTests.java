package dev.schemaclone.autoconfigure;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code schemaclone.snapshot.*} reaches the engine: a directory for snapshots, or none.
 */
class SnapshotPropertiesTests {

	@Test
	void snapshotsAreKeptInTheUsersCacheByDefault() {
		assertThat(bind(Map.of()).toWorkspaceSettings().snapshots())
			.isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "schemaclone"));
	}

	@Test
	void directoryIsBoundAsAPath() {
		assertThat(bind(Map.of("schemaclone.snapshot.directory", "target/snapshots")).toWorkspaceSettings().snapshots())
			.isEqualTo(Path.of("target/snapshots"));
	}

	@Test
	void disabledSnapshotsGiveTheEngineNoDirectory() {
		assertThat(bind(Map.of("schemaclone.snapshot.enabled", "false", "schemaclone.snapshot.directory", "target/x"))
			.toWorkspaceSettings()
			.snapshots()).isNull();
	}

	private static SchemaCloneProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(SchemaCloneProperties.PREFIX,
				SchemaCloneProperties.class);
	}

}
