package dev.schemaclone.internal.coordination;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.schemaclone.internal.server.Identifiers;

/**
 * The heartbeats of the owners under one prefix, a table beside the registry: the second
 * sign of life besides the lease lock, which a dropped connection frees while its process
 * lives on. Each owner records the grace it asks for, so that every process judges it by
 * the same one.
 */
final class LeaseHeartbeats {

	/** The table's name in the registry's schema. */
	static final String TABLE = "owner_lease";

	private final String prefix;

	private final String table;

	LeaseHeartbeats(String prefix) {
		this.prefix = prefix;
		this.table = Identifiers.quote(prefix + "_registry") + ".`" + TABLE + "`";
	}

	void create(Statement statement) throws SQLException {
		statement.execute("CREATE TABLE IF NOT EXISTS " + this.table + " (owner VARCHAR(16) NOT NULL PRIMARY KEY,"
				+ " heartbeat_at TIMESTAMP(6) NOT NULL, grace_seconds INT NOT NULL) ENGINE=InnoDB");
	}

	/**
	 * Record that an owner is alive now.
	 * @param connection the owner's lease connection
	 * @param owner its token
	 * @param grace how long after this beat others may count it dead, if its lock is free
	 * too
	 */
	void beat(Connection connection, String owner, Duration grace) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.table
				+ " (owner, heartbeat_at, grace_seconds) VALUES (?, CURRENT_TIMESTAMP(6), ?)"
				+ " ON DUPLICATE KEY UPDATE heartbeat_at = CURRENT_TIMESTAMP(6)")) {
			statement.setString(1, owner);
			statement.setLong(2, grace.toSeconds());
			statement.executeUpdate();
		}
	}

	/**
	 * Forget an owner that ends: what it leaves is swept at once, as its lock is free.
	 */
	void forget(Connection connection, String owner) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM " + this.table + " WHERE owner = ?")) {
			statement.setString(1, owner);
			statement.executeUpdate();
		}
	}

	/**
	 * Return whether an owner is gone: its lease lock is free and it has not beaten
	 * within its grace. An owner with no heartbeat (ended, or of a schemaclone without
	 * heartbeats) is judged by its lock alone.
	 */
	boolean isDead(Connection connection, String owner) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT IS_FREE_LOCK(?) = 1 AND NOT EXISTS (SELECT 1 FROM " + this.table
					+ " WHERE owner = ? AND heartbeat_at > CURRENT_TIMESTAMP(6) - INTERVAL grace_seconds SECOND)")) {
			statement.setString(1, OwnerLease.lockName(this.prefix, owner));
			statement.setString(2, owner);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getInt(1) == 1;
			}
		}
	}

	/**
	 * Forget the heartbeats of owners that are gone.
	 */
	void forgetDead(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + this.table
				+ " WHERE heartbeat_at < CURRENT_TIMESTAMP(6) - INTERVAL grace_seconds SECOND"
				+ " AND IS_FREE_LOCK(CONCAT(?, owner)) = 1")) {
			statement.setString(1, OwnerLease.lockName(this.prefix, ""));
			statement.executeUpdate();
		}
	}

}
