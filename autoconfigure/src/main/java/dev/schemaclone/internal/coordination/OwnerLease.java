package dev.schemaclone.internal.coordination;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * This process's proof of life on the server: a named lock held on one connection, and a
 * heartbeat written every {@link #HEARTBEAT} on it. Every schema the process creates is
 * registered under the lease's token; a later process counts the owner dead only when its
 * lock is free and its last heartbeat older than its grace, so a dropped connection (a
 * proxy, a load balancer, a restart, a {@code KILL}) does not make a live process's
 * schemas orphans: the heartbeat notices the loss and takes the lock again on a new
 * connection.
 */
public final class OwnerLease implements AutoCloseable {

	/**
	 * How often the owner proves itself alive. Its queries also keep the lease connection
	 * from idling: proxies and pools drop idle connections after a few seconds at the
	 * soonest.
	 */
	public static final Duration HEARTBEAT = Duration.ofSeconds(2);

	/**
	 * A bound on each statement of the lease connection: a heartbeat stuck on a socket
	 * that silently died gives up and takes the lease again, well within any grace.
	 */
	private static final Duration STATEMENT_BOUND = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(OwnerLease.class);

	private final DatabaseServer server;

	private final LeaseHeartbeats heartbeats;

	private final String token;

	private final String lockName;

	private final Duration grace;

	private final Timestamp startedAt;

	private final ScheduledExecutorService heartbeat;

	private Connection connection;

	/**
	 * Whether the last heartbeat failed, so that a server that stays away is reported
	 * once.
	 */
	private boolean failing;

	private boolean closed;

	private OwnerLease(DatabaseServer server, LeaseHeartbeats heartbeats, Connection connection, String token,
			String lockName, Duration grace, Timestamp startedAt) {
		this.server = server;
		this.heartbeats = heartbeats;
		this.connection = connection;
		this.token = token;
		this.lockName = lockName;
		this.grace = grace;
		this.startedAt = startedAt;
		this.heartbeat = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "schemaclone-lease-" + lockName);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Take a new lease and start its heartbeat.
	 * @param server the server
	 * @param prefix the schema prefix, whose registry exists
	 * @param grace how long after its last heartbeat others may count this process dead
	 * once its lock is free; the lease connection's {@code wait_timeout} too, so that a
	 * session whose client is gone releases the lock within it
	 * @return the lease
	 */
	public static OwnerLease take(DatabaseServer server, String prefix, Duration grace) {
		String token = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		String lockName = lockName(prefix, token);
		LeaseHeartbeats heartbeats = new LeaseHeartbeats(prefix);
		Connection connection = server.open();
		Timestamp startedAt = lock(server, connection, lockName, grace);
		try {
			heartbeats.beat(connection, token, grace);
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw new SchemaCloneException("Cannot take a lease on %s: %s".formatted(server, ex.getMessage()), ex);
		}
		OwnerLease lease = new OwnerLease(server, heartbeats, connection, token, lockName, grace, startedAt);
		lease.heartbeat.scheduleWithFixedDelay(lease::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
				TimeUnit.MILLISECONDS);
		return lease;
	}

	/**
	 * Take the lease lock on a connection and return the server's time. A session of this
	 * process that lost its client may still hold it (a socket that died without a word):
	 * that session is ended first, as nothing else takes a lock of this token.
	 */
	private static Timestamp lock(DatabaseServer server, Connection connection, String lockName, Duration grace) {
		try {
			connection.setNetworkTimeout(Runnable::run, (int) STATEMENT_BOUND.toMillis());
			try (Statement statement = connection.createStatement()) {
				// The heartbeat keeps the session active; a session whose process is gone
				// ends
				// within the grace, and with it the lock.
				statement.execute("SET SESSION wait_timeout = " + Math.max(1, grace.toSeconds()));
			}
			Timestamp granted = getLock(connection, lockName, 0);
			if (granted == null) {
				endStaleHolder(connection, lockName);
				granted = getLock(connection, lockName, 2);
			}
			if (granted == null) {
				throw new SchemaCloneException("Lease lock '%s' is held by %s".formatted(lockName,
						NamedLock.describeHolder(connection, lockName)));
			}
			return granted;
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(connection);
			throw (ex instanceof SchemaCloneException sce) ? sce
					: new SchemaCloneException("Cannot take a lease on %s: %s".formatted(server, ex.getMessage()), ex);
		}
	}

	/**
	 * Take the lock, waiting at most some seconds.
	 * @return the server's time, or {@code null} if another session holds it
	 */
	private static @Nullable Timestamp getLock(Connection connection, String lockName, int seconds)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?), NOW(6)")) {
			statement.setString(1, lockName);
			statement.setInt(2, seconds);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return (result.getInt(1) == 1) ? result.getTimestamp(2) : null;
			}
		}
	}

	private static void endStaleHolder(Connection connection, String lockName) throws SQLException {
		try (PreparedStatement holder = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
			holder.setString(1, lockName);
			try (ResultSet result = holder.executeQuery(); Statement statement = connection.createStatement()) {
				long id = result.next() ? result.getLong(1) : 0;
				if (id != 0) {
					statement.execute("KILL CONNECTION " + id);
				}
			}
		}
	}

	/**
	 * Make sure this process still holds its lease, taking it again on a new connection
	 * when the old one was lost: without it, once the grace passed, the next process's
	 * sweep would take this one's clones for orphans.
	 * @throws SchemaCloneException if the lease cannot be taken again
	 */
	public synchronized void ensureHeld() {
		String lost;
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT IS_USED_LOCK(?) = CONNECTION_ID()")) {
			statement.setString(1, this.lockName);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next() && result.getInt(1) == 1) {
					return;
				}
				lost = "the server released the lock";
			}
		}
		catch (SQLException ex) {
			lost = ex.getMessage();
		}
		closeQuietly(this.connection);
		Connection connection = this.server.open();
		lock(this.server, connection, this.lockName, this.grace);
		this.connection = connection;
		logger.warn("Lost the lease connection (%s); took lease '%s' again on a new connection".formatted(lost,
				this.lockName));
	}

	/**
	 * Prove this process alive, taking the lease again first if its connection was lost.
	 */
	private synchronized void beat() {
		if (this.closed) {
			return;
		}
		try {
			ensureHeld();
			this.heartbeats.beat(this.connection, this.token, this.grace);
			this.failing = false;
		}
		catch (SQLException | RuntimeException ex) {
			if (!this.failing) {
				logger.warn(
						"Cannot renew lease '%s' (%s); trying again every %d s: after %d s other processes may drop this one's clones"
							.formatted(this.lockName, ex.getMessage(), HEARTBEAT.toSeconds(), this.grace.toSeconds()));
			}
			this.failing = true;
		}
	}

	static String lockName(String prefix, String token) {
		return prefix + "_owner_" + token;
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

	/**
	 * Stop the heartbeat and release the lease: what this process leaves behind counts as
	 * an orphan at once.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		this.heartbeat.shutdownNow();
		try {
			this.heartbeats.forget(this.connection, this.token);
		}
		catch (SQLException ex) {
			// Its heartbeat ages out within the grace.
		}
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
