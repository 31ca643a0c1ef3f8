package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.schemaclone.internal.coordination.OwnerLease;
import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.copy.SchemaCloner;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.Identifiers;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * Copies of clones as failed tests left them, kept for a developer to look at after the run.
 * A copy, not the clone itself: the context goes on with its clone, whose name its
 * connection pool knows. Bounded on the server (the newest are kept, by whichever process)
 * and in this process, which stops copying once it kept that many: a build that fails more
 * tests than that mostly fails them for one cause, and each copy costs a clone's time.
 */
final class FailedSchemas {

	private static final Log logger = LogFactory.getLog(FailedSchemas.class);

	private final DatabaseServer server;

	private final SchemaRegistry registry;

	private final OwnerLease lease;

	private final int limit;

	private final int cloneConnections;

	private final AtomicInteger kept = new AtomicInteger();

	private final AtomicInteger sequence = new AtomicInteger();

	/**
	 * @param limit how many copies the server keeps under this prefix, 0 for none
	 */
	FailedSchemas(DatabaseServer server, SchemaRegistry registry, OwnerLease lease, int limit, int cloneConnections) {
		this.server = server;
		this.registry = registry;
		this.lease = lease;
		this.limit = limit;
		this.cloneConnections = cloneConnections;
	}

	/**
	 * Copy a clone as it is, and drop the oldest copies beyond the bound.
	 * @param clone the clone a failed test left
	 * @return the copy's schema name, or {@code null} if none is kept: turned off, this
	 * process kept as many as the bound already, or the copy failed (logged)
	 */
	String keep(String clone) {
		if (this.limit == 0 || this.kept.incrementAndGet() > this.limit) {
			return null;
		}
		this.lease.ensureHeld();
		String copy = this.registry.failedName(this.lease.token(), this.sequence.incrementAndGet());
		try (Connection connection = this.server.open()) {
			// Owned by this process until it is whole: a crash in between leaves an orphan to sweep.
			this.registry.registerClone(connection, copy, this.lease.token());
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + Identifiers.quote(copy));
			}
			SchemaCloner.copyAsIs(this.server, connection, clone, copy, this.cloneConnections);
			this.registry.markKept(connection, copy, this.lease.token());
			dropBeyondLimit(connection);
			return copy;
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not keep a copy of '%s' for the failed test: %s".formatted(clone, ex.getMessage()));
			dropQuietly(copy);
			return null;
		}
	}

	private void dropBeyondLimit(Connection connection) throws SQLException {
		List<String> copies = this.registry.findKept(connection);
		for (String old : copies.subList(Math.min(this.limit, copies.size()), copies.size())) {
			try {
				// Another process keeping a copy at the same moment may have dropped it first.
				if (this.registry.dropIfRecorded(connection, old)) {
					logger.debug("Dropped '%s', a failed test's schema beyond the %d kept".formatted(old, this.limit));
				}
			}
			catch (SchemaCloneException ex) {
				// One the server will not drop yet is left for a later trim; the new copy stays.
				logger.debug(ex.getMessage());
			}
		}
	}

	private void dropQuietly(String copy) {
		try (Connection connection = this.server.open()) {
			this.registry.dropIfRecorded(connection, copy);
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Could not drop the partial copy '%s': %s".formatted(copy, ex.getMessage()));
		}
	}

}
