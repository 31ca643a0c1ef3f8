package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.coordination.SchemaRegistry.Drop;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * The clones this process made or claimed and has not dropped yet, and their ending:
 * dropped right away, in the background so that a closing context does not wait for its
 * clone's {@code DROP}, or at exit, where some are kept warm instead. On a disk-backed
 * server a drop is mostly the server waiting for its files, and drops on several
 * connections overlap those waits.
 */
final class OwnedClones {

	private static final Log logger = LogFactory.getLog(OwnedClones.class);

	/**
	 * Dropping is all that is left at exit, but a server that no longer answers must not
	 * hang it.
	 */
	private static final Duration MAX_WAIT = Duration.ofMinutes(1);

	/**
	 * How many clones end at once at exit, at least, each holding one connection at a
	 * time. Each end is mostly waiting on the server (a reset's state query, a lock, an
	 * update), and the build waits for the last: four at once ended a JVM's four clones
	 * in less than half the time one at a time took, alone and beside two other JVMs
	 * ending theirs. Where the server refuses that many connections, the ends it refused
	 * run again one at a time.
	 */
	private static final int ENDING_THREADS = 4;

	private final DatabaseServer server;

	private final SchemaRegistry registry;

	private final String owner;

	/** Clones not dropped yet. */
	private final Set<String> pending = ConcurrentHashMap.newKeySet();

	/** Every clone this process made, dropped or not. */
	private final Set<String> created = ConcurrentHashMap.newKeySet();

	/** The template each clone was filled from, as far as it is known. */
	private final Map<String, String> templates = new ConcurrentHashMap<>();

	private final ThreadPoolExecutor executor;

	/** Ends the server refused a connection while others held theirs. */
	private final Queue<Runnable> refusedEnds = new ConcurrentLinkedQueue<>();

	/**
	 * @param server the server
	 * @param registry the registry that proves the clones ours
	 * @param owner this process's lease token
	 * @param threads how many drops may run at once, each on its own connection
	 */
	OwnedClones(DatabaseServer server, SchemaRegistry registry, String owner, int threads) {
		this.server = server;
		this.registry = registry;
		this.owner = owner;
		this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				(runnable) -> {
					Thread thread = new Thread(runnable, "schemaclone-drop");
					thread.setDaemon(true);
					return thread;
				});
		this.executor.allowCoreThreadTimeOut(true);
	}

	void add(String clone) {
		this.created.add(clone);
		this.pending.add(clone);
	}

	void recordTemplate(String clone, String template) {
		this.templates.put(clone, template);
	}

	@Nullable String templateOf(String clone) {
		return this.templates.get(clone);
	}

	/**
	 * Drop a schema and wait for it.
	 * @throws SchemaCloneException if it cannot be dropped
	 */
	void drop(String schema) {
		if (take(schema)) {
			dropNow(schema);
		}
	}

	/**
	 * Drop a clone in the background, or right here once {@link #awaitEnds} has begun.
	 */
	void dropLater(String clone) {
		if (take(clone)) {
			submit(clone);
		}
	}

	/**
	 * Return the clones not dropped yet.
	 */
	List<String> pending() {
		return List.copyOf(this.pending);
	}

	/**
	 * End a clone at exit in the background: kept warm, or dropped.
	 * @param warm the warm clones it may join
	 * @param application what tells the application that used it
	 */
	void end(String clone, WarmClones warm, String application) {
		if (take(clone)) {
			widenForEnds();
			submit(() -> end(clone, warm, application, false), clone);
		}
	}

	/**
	 * Keep a clone warm, or drop it. One the server refused a connection while other ends
	 * held theirs is ended again, alone, once they are done.
	 * @param alone whether no other end runs
	 */
	private void end(String clone, WarmClones warm, String application, boolean alone) {
		try {
			if (warm.keep(clone, application)) {
				return;
			}
		}
		catch (SchemaCloneException ex) {
			if (!alone) {
				this.refusedEnds.add(() -> end(clone, warm, application, true));
				return;
			}
			logger.info(
					"Could not keep '%s' warm: the server refused a connection even to one end at a time (%s); dropping it"
						.formatted(clone, ex.getMessage()));
		}
		dropReportingFailure(clone);
	}

	private synchronized void widenForEnds() {
		if (this.executor.getMaximumPoolSize() < ENDING_THREADS) {
			this.executor.setMaximumPoolSize(ENDING_THREADS);
			this.executor.setCorePoolSize(ENDING_THREADS);
		}
	}

	/**
	 * Wait for the drops and ends begun, at most a minute, then end one at a time those
	 * the server refused a connection.
	 */
	void awaitEnds() {
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Clones still being dropped after %s; the next run drops what is left".formatted(MAX_WAIT));
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		for (Runnable end = this.refusedEnds.poll(); end != null; end = this.refusedEnds.poll()) {
			end.run();
		}
	}

	/**
	 * Leave a clone in place when this process ends.
	 */
	void keep(String clone) {
		this.pending.remove(clone);
	}

	/**
	 * Return whether the caller is the one to drop a schema. At exit, closing contexts
	 * and the shutdown hook race to drop the same clones: the one that takes a clone out
	 * of the set drops it.
	 */
	private boolean take(String schema) {
		return this.pending.remove(schema) || !this.created.contains(schema);
	}

	private void submit(String clone) {
		submit(() -> dropReportingFailure(clone), clone);
	}

	private void submit(Runnable ending, String clone) {
		try {
			this.executor.execute(ending);
		}
		catch (RejectedExecutionException ex) {
			dropReportingFailure(clone);
		}
	}

	private void dropReportingFailure(String clone) {
		try {
			dropNow(clone);
		}
		catch (SchemaCloneException ex) {
			logger.warn(ex.getMessage() + "; the next run drops it");
		}
	}

	/**
	 * Drop a schema, waiting at most {@link DatabaseServer#LOCK_WAIT} for a lock a
	 * transaction left open holds, not the server's default of a day or a year. One the
	 * server refuses for good is marked so and warned of once by the registry, and counts
	 * as ended here.
	 */
	private void dropNow(String schema) {
		try (Connection connection = this.server.open()) {
			if (this.registry.drop(connection, schema, this.owner) == Drop.DROPPED) {
				logger.debug("Dropped '" + schema + "'");
			}
		}
		catch (SQLException ex) {
			throw new SchemaCloneException("Cannot drop schema '%s': %s".formatted(schema, ex.getMessage()), ex);
		}
	}

}
