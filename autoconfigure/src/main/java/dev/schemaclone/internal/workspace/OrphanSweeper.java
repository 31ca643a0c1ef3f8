package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.SQLException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.schemaclone.internal.coordination.OwnerStatus;
import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.coordination.SchemaRegistry.Entry;

/**
 * Drops the clones of processes that died without cleaning up. A clone is an orphan when
 * the server says its owner's lease lock is free: a live owner holds it for its lifetime.
 */
final class OrphanSweeper {

	private static final Log logger = LogFactory.getLog(OrphanSweeper.class);

	private OrphanSweeper() {
	}

	/**
	 * Drop every registered clone whose owner is gone.
	 * @param connection a connection to the server
	 * @param registry the registry of the prefix to sweep
	 * @param self the token of the calling process, never swept
	 */
	static void sweep(Connection connection, SchemaRegistry registry, String self) throws SQLException {
		OwnerStatus owners = new OwnerStatus(connection, registry.prefix());
		int dropped = 0;
		for (Entry entry : registry.findAll(connection)) {
			if (SchemaRegistry.CLONE.equals(entry.state()) && !self.equals(entry.owner())
					&& owners.isDead(entry.owner())) {
				// Another process opening at the same moment may have swept it first.
				if (registry.dropIfRecorded(connection, entry.name())) {
					dropped++;
				}
			}
		}
		if (dropped > 0) {
			logger.info("Dropped %d clone(s) left by processes that ended without cleaning up".formatted(dropped));
		}
	}

}
