package dev.schemaclone.internal.server;

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
 * a user only their own sessions, and neither lets them read
 * {@code information_schema.INNODB_TRX}.
 */
public final class ProcessList {

	private final Connection connection;

	private final String table;

	private ProcessList(Connection connection, String table) {
		this.connection = connection;
		this.table = table;
	}

	/**
	 * Return the process list as seen through one connection.
	 * @param connection a connection to the server
	 * @return the process list
	 */
	public static ProcessList on(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT VERSION()")) {
			result.next();
			return new ProcessList(connection, result.getString(1).contains("MariaDB")
					? "information_schema.PROCESSLIST" : "performance_schema.processlist");
		}
	}

	/**
	 * Return the ids of the other sessions whose default schema is a given one.
	 * @param schema the schema
	 * @return the session ids
	 */
	public List<Long> sessionsUsing(String schema) throws SQLException {
		return ids("SELECT ID FROM " + this.table + " WHERE DB = ? AND ID <> CONNECTION_ID()", schema);
	}

	/**
	 * Return the ids of the other sessions whose default schema is a given one and that
	 * have a transaction open. Needs the {@code PROCESS} privilege.
	 * @param schema the schema
	 * @return the session ids
	 */
	public List<Long> sessionsInTransaction(String schema) throws SQLException {
		return ids("SELECT p.ID FROM " + this.table + " p JOIN information_schema.INNODB_TRX t"
				+ " ON t.trx_mysql_thread_id = p.ID WHERE p.DB = ? AND p.ID <> CONNECTION_ID()", schema);
	}

	/**
	 * Describe one session for an error message: its id, user and host where they can be
	 * seen.
	 * @param id the session's id
	 * @return the description
	 */
	public String describe(long id) throws SQLException {
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT USER, HOST FROM " + this.table + " WHERE ID = ?")) {
			statement.setLong(1, id);
			try (ResultSet result = statement.executeQuery()) {
				return result
					.next() ? "connection id %d (user '%s', host '%s')".formatted(id, result.getString(1), result.getString(2)) : "connection id %d (its user and host are hidden: seeing other users' sessions needs the PROCESS privilege)".formatted(id);
			}
		}
	}

	/**
	 * End sessions; one that ended meanwhile, or is not ours to end, is passed over.
	 * @param ids the session ids
	 */
	public void end(List<Long> ids) {
		try (Statement kill = this.connection.createStatement()) {
			for (long id : ids) {
				try {
					kill.execute("KILL " + id);
				}
				catch (SQLException ex) {
					// Gone already, or not ours to end: either way nothing more to do.
				}
			}
		}
		catch (SQLException ex) {
			// No statement: no session ended.
		}
	}

	private List<Long> ids(String sql, String schema) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					ids.add(result.getLong(1));
				}
			}
		}
		return ids;
	}

}
