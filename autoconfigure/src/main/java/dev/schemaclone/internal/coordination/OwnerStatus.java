package dev.schemaclone.internal.coordination;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the server says of the owners in a registry, asked once per owner: whether each one's
 * lease lock is free, that is, whether the process is gone.
 */
public final class OwnerStatus {

	private final Connection connection;

	private final String prefix;

	private final Map<String, Boolean> dead = new HashMap<>();

	public OwnerStatus(Connection connection, String prefix) {
		this.connection = connection;
		this.prefix = prefix;
	}

	public boolean isDead(String owner) throws SQLException {
		Boolean known = this.dead.get(owner);
		if (known == null) {
			known = OwnerLease.isDead(this.connection, this.prefix, owner);
			this.dead.put(owner, known);
		}
		return known;
	}

}
