package dev.schemaclone.internal.coordination;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.server.ProcessList;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * A server-side named lock ({@code GET_LOCK}) held by one dedicated connection. Closing
 * it releases the lock; a connection that dies releases it too, which is what lets the
 * next process recover from a killed one.
 */
public final class NamedLock implements AutoCloseable {

	/**
	 * MySQL limits lock names to 64 characters (error 3057 beyond); MariaDB has no limit.
	 */
	static final int MAX_NAME_LENGTH = 64;

	private final Connection connection;

	private final String name;

	private NamedLock(Connection connection, String name) {
		this.connection = connection;
		this.name = name;
	}

	/**
	 * Wait for the lock, at most {@code timeout}.
	 * @param connection a connection used for nothing else while the lock is held
	 * @param name the lock name, at most 64 characters
	 * @param timeout how long to wait
	 * @param advice what the holder is likely doing and what to do about it, for the
	 * error
	 * @return the held lock
	 * @throws SchemaCloneException if the lock was not granted in time, naming who holds
	 * it
	 */
	public static NamedLock acquire(Connection connection, String name, Duration timeout, String advice) {
		if (name.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException(
					"Lock name '%s' is longer than %d characters".formatted(name, MAX_NAME_LENGTH));
		}
		long seconds = Math.max(0, (timeout.toMillis() + 999) / 1000);
		try {
			// The driver's socket timeout must outlast the server-side wait.
			connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, (seconds + 30) * 1000));
			try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
				statement.setString(1, name);
				statement.setLong(2, seconds);
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					int granted = result.getInt(1);
					if (result.wasNull()) {
						throw new SchemaCloneException(
								"The server refused lock '%s' (GET_LOCK returned NULL: the session was killed or ran out of memory)"
									.formatted(name));
					}
					if (granted != 1) {
						throw new SchemaCloneException("Timed out after %s waiting for lock '%s', held by %s. %s"
							.formatted(timeout, name, describeHolder(connection, name), advice));
					}
				}
			}
			return new NamedLock(connection, name);
		}
		catch (SQLException ex) {
			throw new SchemaCloneException("Cannot take lock '%s': %s".formatted(name, ex.getMessage()), ex);
		}
	}

	/**
	 * Take the lock if it is free, without waiting.
	 * @param connection the connection to hold it; it may go on running other statements
	 * @param name the lock name, at most 64 characters
	 * @return the held lock, or {@code null} if another connection holds it
	 * @throws SQLException if the server cannot be asked
	 */
	public static @Nullable NamedLock tryAcquire(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return (result.next() && result.getInt(1) == 1) ? new NamedLock(connection, name) : null;
			}
		}
	}

	/**
	 * Return the id and host of the connection that holds a lock, for error messages.
	 * @param connection any connection to the server
	 * @param name the lock name
	 * @return a description of the holder
	 */
	static String describeHolder(Connection connection, String name) {
		try (PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				long id = result.getLong(1);
				return result.wasNull() ? "no connection any more (it released the lock just now)"
						: ProcessList.on(connection).describe(id);
			}
		}
		catch (SQLException ex) {
			return "an unknown connection (" + ex.getMessage() + ")";
		}
	}

	public String name() {
		return this.name;
	}

	@Override
	public void close() {
		try (PreparedStatement statement = this.connection.prepareStatement("DO RELEASE_LOCK(?)")) {
			statement.setString(1, this.name);
			statement.execute();
		}
		catch (SQLException ex) {
			// A dead connection has released the lock already.
		}
	}

}
