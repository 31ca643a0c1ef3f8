package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Work on a session in the time zone {@code +00:00}, after which the session has its own
 * zone back. The server prints a fixed {@code TIMESTAMP} default, and reads one back, in
 * the session's zone: sessions of processes in other zones would read other digests of
 * one schema, and a zone that puts its clocks back prints two instants alike, so that a
 * definition read and replayed there can move a default by an hour. In UTC every instant
 * prints, and reads back, as itself.
 */
final class UtcSession {

	private UtcSession() {
	}

	/**
	 * Run work in UTC on a session that other work uses too; it may run in UTC already.
	 * @param connection the session
	 * @param work the work
	 * @return what the work returns
	 */
	static <T> T run(Connection connection, Work<T> work) throws SQLException {
		String zone;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT @@SESSION.time_zone")) {
			result.next();
			zone = result.getString(1);
		}
		use(connection);
		try {
			return work.run();
		}
		finally {
			try (PreparedStatement statement = connection.prepareStatement("SET SESSION time_zone = ?")) {
				statement.setString(1, zone);
				statement.execute();
			}
		}
	}

	/**
	 * Put a session of the caller's alone into UTC for the rest of its life.
	 * @param connection the session
	 */
	static void use(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET SESSION time_zone = '+00:00'");
		}
	}

	/**
	 * Work on the session.
	 *
	 * @param <T> what it returns
	 */
	@FunctionalInterface
	interface Work<T> {

		T run() throws SQLException;

	}

}
