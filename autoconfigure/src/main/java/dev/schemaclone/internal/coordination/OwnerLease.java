package dev.schemaclone.internal.coordination;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * A named lock this process holds on the server for as long as it lives. Every schema it
 * creates is registered under the lease's token, so a later process can tell a live owner
 * (lock held) from a killed one (lock free) by asking the server, not by guessing from age.
 */
public final class OwnerLease implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(OwnerLease.class);

	private final DatabaseServer server;

	private Connection connection;

	private final String token;

	private final String lockName;

	private final Timestamp startedAt;

	private OwnerLease(DatabaseServer server, Connection connection, String token, String lockName, Timestamp startedAt) {
		this.server = server;
		this.connection = connection;
		this.token = token;
		this.lockName = lockName;
		this.startedAt = startedAt;
	}

	public static OwnerLease take(DatabaseServer server, String prefix) {
		String token = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		String lockName = lockName(prefix, token);
		Connection connection = server.open();
		return new OwnerLease(server, connection, token, lockName, lock(server, connection, lockName));
	}

	/**
	 * Take the lease lock on a new connection and return the server's time.
	 */
	private static Timestamp lock(DatabaseServer server, Connection connection, String lockName) {
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
					return result.getTimestamp(2);
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(connection);
			throw (ex instanceof SchemaCloneException sce) ? sce
					: new SchemaCloneException("Cannot take a lease on %s: %s".formatted(server, ex.getMessage()), ex);
		}
	}

	/**
	 * Make sure this process still holds its lease, taking it again on a new connection when
	 * the old one died (a server restart ends every session): without it, the next process's
	 * sweep would take this one's clones for orphans.
	 */
	public synchronized void ensureHeld() {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT IS_USED_LOCK(?) = CONNECTION_ID()")) {
			statement.setString(1, this.lockName);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next() && result.getInt(1) == 1) {
					return;
				}
			}
		}
		catch (SQLException ex) {
			// The connection is gone: take the lease again below.
		}
		closeQuietly(this.connection);
		Connection connection = this.server.open();
		lock(this.server, connection, this.lockName);
		this.connection = connection;
		logger.info("Took lease '%s' again on a new connection".formatted(this.lockName));
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

	public String token() {
		return this.token;
	}

	/**
	 * Return the server's time when this process first reached it.
	 */
	public Timestamp startedAt() {
		return this.startedAt;
	}

	@Override
	public synchronized void close() {
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
