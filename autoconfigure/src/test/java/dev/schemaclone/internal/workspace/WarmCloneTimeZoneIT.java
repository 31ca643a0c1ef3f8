package dev.schemaclone.internal.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
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

	private static WorkspaceSettings settings(int keepWarm) {
		return new WorkspaceSettings(PREFIX, Duration.ofSeconds(60), Duration.ofSeconds(60), 0,
				WorkspaceSettings.DEFAULT_CLONE_CONNECTIONS, keepWarm, 0);
	}

}
