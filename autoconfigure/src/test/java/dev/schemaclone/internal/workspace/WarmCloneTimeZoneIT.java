package dev.schemaclone.internal.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warm clone is checked by the instants its {@code TIMESTAMP} values and defaults hold,
 * not by how a session's time zone prints them: a process whose sessions have another
 * time zone than the one that built the template claims a pristine clone.
 */
class WarmCloneTimeZoneIT {

	private static final String PREFIX = "it_warmzone";

	@TempDir
	Path migrations;

	@AfterEach
	void dropSchemas() {
		TestServer.dropAll(PREFIX);
	}

	@Test
	void warmCloneKeptInOneTimeZoneIsClaimedInAnother() throws IOException {
		Files.writeString(this.migrations.resolve("V1__booking.sql"),
				"CREATE TABLE booking (id INT PRIMARY KEY, starts TIMESTAMP(6) NULL,"
						+ " booked TIMESTAMP NOT NULL DEFAULT '2024-10-27 00:30:00');\n"
						+ "INSERT INTO booking (id, starts) VALUES (1, '2024-10-27 00:30:00.250000');\n");
		FluentConfiguration flyway = Flyway.configure().locations("filesystem:" + this.migrations);
		String kept;
		String template;
		try (SchemaWorkspace keeper = SchemaWorkspace.open(TestServer.server(), settings(1))) {
			template = keeper.template(new FlywayMigrationSet(flyway));
			kept = keeper.createClone(template);
			keeper.endClones();
		}
		DatabaseServer elsewhere = DatabaseServer
			.fromUrlWithCredentials(TestServer.url() + "&sessionVariables=time_zone='%2B05:00'");
		try (SchemaWorkspace claimer = SchemaWorkspace.open(elsewhere, settings(0))) {
			ReservedSchema reserved = claimer.reserve("");
			assertThat(reserved.name()).isEqualTo(kept);
			assertThat(reserved.filledFrom()).isEqualTo(template);
		}
	}

	@Test
	void cloneMadeInAZoneThatPutsClocksBackHasItsTemplatesTimestampDefault() throws Exception {
		DatabaseServer berlin = DatabaseServer
			.fromUrlWithCredentials(TestServer.url() + "&sessionVariables=time_zone='Europe/Berlin'");
		try (Connection connection = berlin.open()) {
			// Else the server has no named time zones to test with.
		}
		catch (RuntimeException ex) {
			Assumptions.abort("No time zone tables on the server: " + ex.getMessage());
		}
		// 01:30 UTC is 02:30 CET, an hour that Berlin's clocks show twice (02:30 CEST is
		// 00:30 UTC).
		Files.writeString(this.migrations.resolve("V1__booking.sql"), "SET time_zone = '+00:00';\n"
				+ "CREATE TABLE booking (id INT PRIMARY KEY, booked TIMESTAMP NOT NULL DEFAULT '2024-10-27 01:30:00');\n");
		FluentConfiguration flyway = Flyway.configure().locations("filesystem:" + this.migrations);
		try (SchemaWorkspace workspace = SchemaWorkspace.open(berlin, settings(0))) {
			String template = workspace.template(new FlywayMigrationSet(flyway));
			String clone = workspace.createClone(template);
			assertThat(bookedDefault(clone)).isEqualTo(bookedDefault(template));
		}
	}

	private static String bookedDefault(String schema) throws SQLException {
		try (Connection connection = TestServer.server().open(); Statement statement = connection.createStatement()) {
			statement.execute("SET time_zone = '+00:00'");
			try (ResultSet result = statement.executeQuery("SELECT COLUMN_DEFAULT FROM information_schema.COLUMNS"
					+ " WHERE TABLE_SCHEMA = '" + schema + "' AND COLUMN_NAME = 'booked'")) {
				assertThat(result.next()).isTrue();
				return result.getString(1);
			}
		}
	}

	private static WorkspaceSettings settings(int keepWarm) {
		return new WorkspaceSettings(PREFIX, Duration.ofSeconds(60), Duration.ofSeconds(60), 0,
				WorkspaceSettings.DEFAULT_CLONE_CONNECTIONS, keepWarm, 0);
	}

}
