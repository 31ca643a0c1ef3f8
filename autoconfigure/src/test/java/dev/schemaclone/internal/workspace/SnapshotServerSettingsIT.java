package dev.schemaclone.internal.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.testsupport.SchemaSnapshot;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A template restored from a snapshot is what the migrations make on this server: a
 * snapshot taken where the server's defaults differ (character set, storage engine, SQL
 * mode, time zone) is not restored, as the same statements make other tables there.
 */
@ExtendWith(OutputCaptureExtension.class)
class SnapshotServerSettingsIT {

	private static final String PREFIX = "it_snapsettings";

	@TempDir
	Path directory;

	@AfterEach
	void dropSchemas() {
		TestServer.dropAll(PREFIX);
	}

	@Test
	void templateOnAServerWithOtherDefaultsIsTheOneItsMigrationsMakeThere(CapturedOutput output)
			throws IOException, SQLException {
		Path migrations = Files.createDirectories(this.directory.resolve("migrations"));
		Files.writeString(migrations.resolve("V1__shelf.sql"),
				"CREATE TABLE shelf (id INT PRIMARY KEY, label VARCHAR(20));\n");
		FluentConfiguration flyway = Flyway.configure().locations("filesystem:" + migrations);
		DatabaseServer latin1 = DatabaseServer.fromUrlWithCredentials(
				TestServer.url() + "&sessionVariables=character_set_server=latin1,collation_server=latin1_swedish_ci");
		Map<String, List<String>> history;
		try (SchemaWorkspace workspace = SchemaWorkspace.open(latin1, settings(null))) {
			history = exact(workspace.template(new FlywayMigrationSet(flyway)));
		}
		TestServer.dropAll(PREFIX);
		try (SchemaWorkspace workspace = SchemaWorkspace.open(TestServer.server(), settings(snapshots()))) {
			workspace.template(new FlywayMigrationSet(flyway));
			await("snapshot written").atMost(Duration.ofSeconds(60))
				.until(() -> output.getAll().contains("Wrote snapshot of template"));
		}
		TestServer.dropAll(PREFIX);
		try (SchemaWorkspace workspace = SchemaWorkspace.open(latin1, settings(snapshots()))) {
			assertThat(exact(workspace.template(new FlywayMigrationSet(flyway)))).isEqualTo(history);
			assertThat(output).contains("and this server is").doesNotContain("Restored template");
		}
	}

	private Path snapshots() {
		return this.directory.resolve("snapshots");
	}

	private static WorkspaceSettings settings(Path snapshots) {
		return new WorkspaceSettings(PREFIX, Duration.ofSeconds(120), Duration.ofSeconds(120)).withSnapshots(snapshots);
	}

	/**
	 * Return a schema down to its last byte, but for the rows of the history table, which
	 * say when the migrations ran.
	 */
	private static Map<String, List<String>> exact(String schema) throws SQLException {
		try (Connection connection = TestServer.server().open()) {
			Map<String, List<String>> facts = new LinkedHashMap<>(SchemaSnapshot.exact(connection, schema).facts());
			for (String rows : List.of("rows", "row_content")) {
				facts.put(rows,
						facts.get(rows).stream().filter((row) -> !row.contains("flyway_schema_history")).toList());
			}
			return facts;
		}
	}

}
