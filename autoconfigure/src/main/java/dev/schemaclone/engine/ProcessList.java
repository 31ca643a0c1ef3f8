package dev.schemaclone.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's sessions, as far as the user may see them: MySQL 8 lists them in
 * {@code performance_schema.processlist} ({@code information_schema.PROCESSLIST} is
 * deprecated there and warns on every use), MariaDB only in
 * {@code information_schema.PROCESSLIST}. Without the {@code PROCESS} privilege both show
 * a user only their own sessions.
 */
final class ProcessList {

	private static final String MARIADB_TABLE = "information_schema.PROCESSLIST";

	private static final String MYSQL_TABLE = "performance_schema.processlist";

	private ProcessList() {
	}

	/**
	 * Return the ids of the sessions, other than this one, whose default schema is a given one.
	 * @param connection a connection to the server
	 * @param schema the schema
	 * @return the session ids
	 */
	static List<Long> sessionsUsing(Connection connection, String schema) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT ID FROM " + table(connection) + " WHERE DB = ? AND ID <> CONNECTION_ID()")) {
			statement.setString(1, schema);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					ids.add(result.getLong(1));
				}
			}
		}
		return ids;
	}

	/**
	 * Describe one session for an error message: its id, user and host where they can be seen.
	 * @param connection a connection to the server
	 * @param id the session's id
	 * @return the description
	 */
	static String describe(Connection connection, long id) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT USER, HOST FROM " + table(connection) + " WHERE ID = ?")) {
			statement.setLong(1, id);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? "connection id %d (user '%s', host '%s')".formatted(id, result.getString(1),
						result.getString(2))
						: "connection id %d (its user and host are hidden: seeing other users' sessions needs the PROCESS privilege)"
							.formatted(id);
			}
		}
	}

	private static String table(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT VERSION()")) {
			result.next();
			return result.getString(1).contains("MariaDB") ? MARIADB_TABLE : MYSQL_TABLE;
		}
	}

}
