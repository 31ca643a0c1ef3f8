package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.coordination.OwnerLease;
import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.coordination.SchemaRegistry.Drop;
import dev.schemaclone.internal.coordination.SchemaRegistry.Entry;
import dev.schemaclone.internal.copy.SchemaCloner;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.Identifiers;

/**
 * Copies of clones as failed tests left them, kept for a developer to look at after the
 * run. A copy, not the clone itself: the context goes on with its clone, whose name its
 * connection pool knows. Bounded on the server (the newest are kept, by whichever
 * process) and in this process, which stops copying once it kept that many: a build that
 * fails more tests than that mostly fails them for one cause, and each copy costs a
 * clone's time.
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
	 * Copies this process could not drop: a later run tries again, this one does not wait
	 * on them twice.
	 */
	private final Set<String> failedToDrop = ConcurrentHashMap.newKeySet();

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
	@Nullable String keep(String clone) {
		if (this.limit == 0 || this.kept.incrementAndGet() > this.limit) {
			return null;
		}
		this.lease.ensureHeld();
		String copy = this.registry.failedName(this.lease.token(), this.sequence.incrementAndGet());
		try (Connection connection = this.server.open()) {
			// Owned by this process until it is whole: a crash in between leaves an
			// orphan to sweep.
			this.registry.registerClone(connection, copy, this.lease.token());
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + Identifiers.quote(copy));
			}
			SchemaCloner.copyAsIs(this.server, connection, clone, copy, this.cloneConnections);
			this.registry.markKept(connection, copy, this.lease.token());
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not keep a copy of '%s' for the failed test: %s".formatted(clone, ex.getMessage()));
			dropQuietly(copy);
			return null;
		}
		dropBeyondLimit();
		return copy;
	}

	/**
	 * Drop the oldest copies beyond the bound, each by one process only. Best effort: a
	 * copy that cannot be dropped now (a developer has it open) is logged once and left
	 * to a later trim, and one the server refuses for good is passed over from then on.
	 */
	private void dropBeyondLimit() {
		try (Connection connection = CleanupSession.open(this.server)) {
			List<Entry> copies = this.registry.findKept(connection);
			for (Entry old : copies.subList(Math.min(this.limit, copies.size()), copies.size())) {
				if (!this.failedToDrop.contains(old.name())) {
					dropOld(connection, old);
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger
				.warn("Could not drop the oldest failed tests' schemas beyond the %d kept (%s); a later run tries again"
					.formatted(this.limit, ex.getMessage()));
		}
	}

	private void dropOld(Connection connection, Entry old) {
		try {
			if (this.registry.drop(connection, old, this.lease.token()) == Drop.DROPPED) {
				// Said once per copy, as keeping it was: a developer looking for it
				// learns where it went.
				logger
					.info("Dropped '%s', a failed test's schema beyond the %d kept".formatted(old.name(), this.limit));
			}
		}
		catch (SQLException ex) {
			this.failedToDrop.add(old.name());
			logger.warn("Could not drop '%s', a failed test's schema beyond the %d kept (%s); a later run tries again"
				.formatted(old.name(), this.limit, ex.getMessage()));
		}
	}

	private void dropQuietly(String copy) {
		try (Connection connection = this.server.open()) {
			this.registry.drop(connection, copy, this.lease.token());
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Could not drop the partial copy '%s': %s".formatted(copy, ex.getMessage()));
		}
	}

}
