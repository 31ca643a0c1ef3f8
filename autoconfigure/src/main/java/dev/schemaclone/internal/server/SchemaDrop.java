package dev.schemaclone.internal.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The one {@code DROP DATABASE} of the engine, repeated when the server found the
 * schema's directory not yet empty.
 *
 * MariaDB drops the tables first and removes the directory last. Under load, an InnoDB
 * file can outlive its table for a moment (a FULLTEXT index's auxiliary tables, a file
 * still being closed), and the statement fails with error 1010, "Directory not empty",
 * after its tables are gone. The same statement a moment later finds the directory empty.
 *
 * MySQL 8 looks for files it does not know before it drops anything, and fails with the
 * same error 1010 but "File exists": nothing was dropped, and trying again cannot help.
 * After a drop, MySQL reports a directory it could not remove only as warning 3607, and
 * then refuses to create a schema of that name (error 3678): such a drop is reported as
 * failed, so that the registry keeps the name and no one creates a schema under it. These
 * failures are {@linkplain #isPermanent permanent}: only someone on the server can clear
 * them.
 *
 * A drop that waits for a lock longer than its session allows fails with error 1205 and
 * names the sessions that have the schema as their default, the likely holders.
 */
public final class SchemaDrop {

	private static final Log logger = LogFactory.getLog(SchemaDrop.class);

	/** {@code ER_DB_DROP_RMDIR}, the same code in MySQL and MariaDB. */
	private static final int DIRECTORY_NOT_EMPTY = 1010;

	/**
	 * {@code ER_DB_DROP_RMDIR2}, MySQL's warning after a drop that left the directory.
	 */
	private static final int DIRECTORY_LEFT = 3607;

	/**
	 * {@code ER_LOCK_WAIT_TIMEOUT}, for a metadata lock as for a row lock, on both
	 * servers.
	 */
	private static final int LOCK_WAIT_TIMEOUT = 1205;

	/**
	 * MySQL's check before the drop reports {@code EEXIST}; MariaDB's rmdir
	 * {@code ENOTEMPTY} (39).
	 */
	private static final String MYSQL_UNKNOWN_FILE = "errno: 17 ";

	private static final int ATTEMPTS = 8;

	private static final long PAUSE_MILLIS = 100;

	private SchemaDrop() {
	}

	/**
	 * Drop a schema if it exists; the caller has checked that it may.
	 * @param connection the connection to drop it on
	 * @param name the schema's name
	 * @throws SQLException if the drop fails for another reason, or still fails after
	 * about three seconds of retries
	 */
	public static void dropIfExists(Connection connection, String name) throws SQLException {
		String sql = "DROP DATABASE IF EXISTS " + Identifiers.quote(name);
		try (Statement statement = connection.createStatement()) {
			for (int attempt = 1;; attempt++) {
				try {
					statement.execute(sql);
					requireDirectoryGone(statement, name);
					return;
				}
				catch (SQLException ex) {
					if (ex.getErrorCode() == LOCK_WAIT_TIMEOUT) {
						throw new SQLException(
								ex.getMessage() + " (dropping '" + name + "'; " + holders(connection, name) + ")",
								ex.getSQLState(), ex.getErrorCode(), ex);
					}
					if (ex.getErrorCode() != DIRECTORY_NOT_EMPTY) {
						throw ex;
					}
					if (droppedNothing(ex)) {
						throw new SQLException(
								ex.getMessage() + "; the server found a file it does not know in the directory of '"
										+ name + "' and dropped nothing: remove the file",
								ex.getSQLState(), ex.getErrorCode(), ex);
					}
					if (attempt == ATTEMPTS) {
						throw new SQLException(ex.getMessage() + ", still after " + ATTEMPTS
								+ " attempts; the tables are gone, but the server's data directory holds a file it does not know in '"
								+ name + "': remove it", ex.getSQLState(), ex.getErrorCode(), ex);
					}
					logger.debug("Schema '%s' not dropped yet (%s); trying again".formatted(name, ex.getMessage()));
					pause(attempt, ex);
				}
			}
		}
	}

	/**
	 * Return whether a failed drop fails again however often it is tried, until someone
	 * removes a file from the server's data directory.
	 * @param ex the error of {@link #dropIfExists}
	 * @return whether it is permanent
	 */
	public static boolean isPermanent(SQLException ex) {
		return ex.getErrorCode() == DIRECTORY_NOT_EMPTY || ex.getErrorCode() == DIRECTORY_LEFT;
	}

	/**
	 * Describe the sessions that likely hold the lock a drop waited for: those whose
	 * default schema it is. A session that reads the schema from another default one
	 * holds it too, and only the server's lock tables (MySQL's
	 * {@code performance_schema.metadata_locks}) would tell it.
	 */
	private static String holders(Connection connection, String name) {
		try {
			ProcessList sessions = ProcessList.on(connection);
			List<String> described = new ArrayList<>();
			for (long id : sessions.sessionsUsing(name)) {
				described.add(sessions.describe(id));
			}
			return described.isEmpty()
					? "no session has it as its default schema: look for a transaction left open on it, in a SQL client or a test (other users' sessions are seen only with the PROCESS privilege)"
					: "it is in use by " + String.join(", ", described) + ": end its transaction";
		}
		catch (SQLException ex) {
			return "its sessions cannot be listed: " + ex.getMessage();
		}
	}

	/**
	 * Return whether a failed drop left the schema whole: MySQL's check for unknown files
	 * fails before anything is dropped, MariaDB's removal of the directory after the
	 * tables are gone.
	 * @param ex the error of a {@code DROP DATABASE}
	 * @return whether nothing was dropped
	 */
	static boolean droppedNothing(SQLException ex) {
		return ex.getErrorCode() == DIRECTORY_NOT_EMPTY && ex.getMessage() != null
				&& ex.getMessage().contains(MYSQL_UNKNOWN_FILE);
	}

	private static void requireDirectoryGone(Statement statement, String name) throws SQLException {
		for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
			if (warning.getErrorCode() == DIRECTORY_LEFT) {
				throw new SQLException(warning.getMessage() + " Schema '" + name
						+ "' is dropped, but the server will not create a schema of that name until its directory is removed; schemaclone keeps the name recorded until then",
						warning.getSQLState(), warning.getErrorCode());
			}
		}
	}

	private static void pause(int attempt, SQLException cause) throws SQLException {
		try {
			Thread.sleep(PAUSE_MILLIS * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw cause;
		}
	}

}
