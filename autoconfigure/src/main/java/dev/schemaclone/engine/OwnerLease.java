package dev.schemaclone.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A named lock this process holds on the server for as long as it lives. Every schema it
 * creates is registered under the lease's token, so a later process can tell a live owner
 * (lock held) from a killed one (lock free) by asking the server, not by guessing from age.
 */
final class OwnerLease implements AutoCloseable {

	private final Connection connection;

	private final String token;

	private final String lockName;

	private final Timestamp startedAt;

	private OwnerLease(Connection connection, String token, String lockName, Timestamp startedAt) {
		this.connection = connection;
		this.token = token;
		this.lockName = lockName;
		this.startedAt = startedAt;
	}

	static OwnerLease take(DatabaseServer server, String prefix) {
		String token = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		String lockName = lockName(prefix, token);
		Connection connection = server.open();
		try {
			try (Statement statement = connection.createStatement()) {
				// An idle lease connection must outlive the longest build; the server's default
				// wait_timeout (8 hours) would end it and with it the proof of ownership.
				statement.execute("SET SESSION wait_timeout = 31536000");
			}
			try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0), NOW(6)")) {
				statement.setString(1, lockName);
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					if (result.getInt(1) != 1) {
						throw new SchemaCloneException("Lease lock '%s' is taken by another connection".formatted(lockName));
					}
					return new OwnerLease(connection, token, lockName, result.getTimestamp(2));
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(connection);
			throw (ex instanceof SchemaCloneException sce) ? sce
					: new SchemaCloneException("Cannot take a lease on %s: %s".formatted(server, ex.getMessage()), ex);
		}
	}

	static String lockName(String prefix, String token) {
		return prefix + "_owner_" + token;
	}

	/**
	 * Return whether the process that registered schemas under a token is gone.
	 * @param connection any connection to the server
	 * @param prefix the schema prefix
	 * @param token the owner's token
	 * @return whether its lease lock is free
	 */
	static boolean isDead(Connection connection, String prefix, String token) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT IS_FREE_LOCK(?)")) {
			statement.setString(1, lockName(prefix, token));
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getInt(1) == 1;
			}
		}
	}

	String token() {
		return this.token;
	}

	/**
	 * Return the server's time when this process first reached it.
	 */
	Timestamp startedAt() {
		return this.startedAt;
	}

	@Override
	public void close() {
		closeQuietly(this.connection);
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// Closing the socket releases the lock on the server either way.
		}
	}

}
