package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import dev.schemaclone.internal.server.DatabaseServer;

/**
 * A session for the clean-up that no context needs done: the sweep of orphans, template
 * retention, the trim of failed tests' copies. Its waits for locks are short: a schema a
 * developer holds open in a SQL client is left for the next run, which tries again,
 * instead of holding up this one.
 */
final class CleanupSession {

	static final Duration LOCK_WAIT = Duration.ofSeconds(5);

	private CleanupSession() {
	}

	static Connection open(DatabaseServer server) throws SQLException {
		Connection connection = server.open();
		try {
			DatabaseServer.boundLockWaits(connection, LOCK_WAIT);
			return connection;
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
	}

}
