package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.SQLException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.schemaclone.internal.coordination.OwnerStatus;
import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.coordination.SchemaRegistry.Drop;
import dev.schemaclone.internal.coordination.SchemaRegistry.Entry;
import dev.schemaclone.internal.server.DatabaseServer;

/**
 * Drops the clones of processes that died without cleaning up. A clone is an orphan when
 * its owner is gone: its lease lock free and its heartbeat older than its grace. Best
 * effort: a clone that cannot be dropped now is logged and left for the next run, and
 * nothing here fails the process that sweeps.
 */
final class OrphanSweeper {

	private static final Log logger = LogFactory.getLog(OrphanSweeper.class);

	private OrphanSweeper() {
	}

	/**
	 * Drop every registered clone whose owner is gone, and every drop a dead process
	 * began.
	 * @param server the server
	 * @param registry the registry of the prefix to sweep
	 * @param self the token of the calling process, never swept
	 */
	static void sweep(DatabaseServer server, SchemaRegistry registry, String self) {
		try (Connection connection = CleanupSession.open(server)) {
			OwnerStatus owners = new OwnerStatus(connection, registry.prefix());
			int dropped = 0;
			for (Entry entry : registry.findAll(connection)) {
				if (isOrphan(entry, self, owners) && drop(connection, registry, entry, self)) {
					dropped++;
				}
			}
			registry.forgetDroppedByHand(connection);
			owners.forgetDead();
			if (dropped > 0) {
				logger.info("Dropped %d clone(s) left by processes that ended without cleaning up".formatted(dropped));
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not sweep the clones of ended processes on %s (%s); the next run tries again"
				.formatted(server, ex.getMessage()));
		}
	}

	private static boolean isOrphan(Entry entry, String self, OwnerStatus owners) throws SQLException {
		return (SchemaRegistry.CLONE.equals(entry.state()) || SchemaRegistry.DROPPING.equals(entry.state()))
				&& !self.equals(entry.owner()) && owners.isDead(entry.owner());
	}

	/**
	 * Drop one orphan, unless another process sweeping at the same moment won it.
	 * @return whether this process dropped it
	 */
	private static boolean drop(Connection connection, SchemaRegistry registry, Entry entry, String self) {
		try {
			return registry.drop(connection, entry, self) == Drop.DROPPED;
		}
		catch (SQLException ex) {
			logger.warn("Could not drop '%s', a clone of an ended process (%s); the next run tries again"
				.formatted(entry.name(), ex.getMessage()));
			return false;
		}
	}

}
