package dev.schemaclone.internal.coordination;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the server says of the owners in a registry, asked once per owner: whether each
 * one is gone, its lease lock free and its heartbeat older than its grace.
 */
public final class OwnerStatus {

	private final Connection connection;

	private final LeaseHeartbeats heartbeats;

	private final Map<String, Boolean> dead = new HashMap<>();

	public OwnerStatus(Connection connection, String prefix) {
		this.connection = connection;
		this.heartbeats = new LeaseHeartbeats(prefix);
	}

	public boolean isDead(String owner) throws SQLException {
		Boolean known = this.dead.get(owner);
		if (known == null) {
			known = this.heartbeats.isDead(this.connection, owner);
			this.dead.put(owner, known);
		}
		return known;
	}

	/**
	 * Forget the heartbeats of the owners that are gone, once their schemas are swept.
	 */
	public void forgetDead() throws SQLException {
		this.heartbeats.forgetDead(this.connection);
	}

}
