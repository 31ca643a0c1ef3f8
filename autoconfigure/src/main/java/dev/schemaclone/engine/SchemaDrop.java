package dev.schemaclone.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The one {@code DROP DATABASE} of the engine, repeated when the server found the schema's
 * directory not yet empty.
 *
 * The server drops the tables first and removes the directory last. Under load, an InnoDB
 * file can outlive its table for a moment (a FULLTEXT index's auxiliary tables, a file still
 * being closed), and the statement fails with error 1010, "Directory not empty", after its
 * tables are gone. The same statement a moment later finds the directory empty.
 */
final class SchemaDrop {

	private static final Log logger = LogFactory.getLog(SchemaDrop.class);

	/** {@code ER_DB_DROP_RMDIR}, the same code in MySQL and MariaDB. */
	private static final int DIRECTORY_NOT_EMPTY = 1010;

	private static final int ATTEMPTS = 8;

	private static final long PAUSE_MILLIS = 100;

	private SchemaDrop() {
	}

	/**
	 * Drop a schema if it exists; the caller has checked that it may.
	 * @param connection the connection to drop it on
	 * @param name the schema's name
	 * @throws SQLException if the drop fails for another reason, or still fails after about
	 * three seconds of retries
	 */
	static void dropIfExists(Connection connection, String name) throws SQLException {
		String sql = "DROP DATABASE IF EXISTS " + Identifiers.quote(name);
		try (Statement statement = connection.createStatement()) {
			for (int attempt = 1;; attempt++) {
				try {
					statement.execute(sql);
					return;
				}
				catch (SQLException ex) {
					if (ex.getErrorCode() != DIRECTORY_NOT_EMPTY) {
						throw ex;
					}
					if (attempt == ATTEMPTS) {
						throw new SQLException(ex.getMessage() + ", still after " + ATTEMPTS
								+ " attempts; the tables are gone, but the server's data directory holds a file it does not know in '"
								+ name + "': remove it, and the next run drops the schema", ex.getSQLState(), ex.getErrorCode(), ex);
					}
					logger.debug("Schema '%s' not dropped yet (%s); trying again".formatted(name, ex.getMessage()));
					pause(attempt, ex);
				}
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
