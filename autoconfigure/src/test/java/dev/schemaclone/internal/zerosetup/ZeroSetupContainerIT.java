package dev.schemaclone.internal.zerosetup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import dev.schemaclone.internal.server.DatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The zero-setup default where Docker answers: a MySQL container with its data on tmpfs
 * and the test settings (binary logging off among them), whose root may create schemas
 * and the routines a migration creates.
 */
class ZeroSetupContainerIT {

	@Test
	void startsAMySqlContainerThatTakesWhatAMigrationCreates() throws SQLException {
		assumeTrue(ContainerServer.isDockerAvailable(),
				"needs a Docker engine to start a MySQL container; none answers here");
		ZeroSetupServer server = ContainerServer.start();
		assertThat(server.url().parameters()).containsEntry("useSSL", "false")
			.containsEntry("allowPublicKeyRetrieval", "true");
		DatabaseServer database = new DatabaseServer(server.url(), server.username(), server.password());
		try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
			try (ResultSet result = statement.executeQuery(
					"SELECT @@log_bin, @@innodb_flush_log_at_trx_commit, @@innodb_doublewrite, @@innodb_adaptive_hash_index")) {
				result.next();
				assertThat(result.getInt(1)).isZero();
				assertThat(result.getInt(2)).isZero();
				assertThat(result.getString(3)).isIn("0", "OFF");
				assertThat(result.getInt(4)).isZero();
			}
			// A container reused from an earlier run (testcontainers.reuse.enable) has it
			// already.
			statement.execute("DROP DATABASE IF EXISTS zero_setup_check");
			statement.execute("CREATE DATABASE zero_setup_check");
			// Refused with binary logging on (error 1418): no DETERMINISTIC, NO SQL or
			// READS SQL DATA.
			statement.execute("CREATE FUNCTION zero_setup_check.answer() RETURNS INT RETURN 42");
			try (ResultSet result = statement.executeQuery("SELECT zero_setup_check.answer()")) {
				result.next();
				assertThat(result.getInt(1)).isEqualTo(42);
			}
		}
	}

}
