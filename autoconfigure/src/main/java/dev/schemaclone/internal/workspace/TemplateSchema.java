package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.coordination.NamedLock;
import dev.schemaclone.internal.coordination.OwnerLease;
import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.coordination.SchemaRegistry.Drop;
import dev.schemaclone.internal.coordination.SchemaRegistry.Entry;
import dev.schemaclone.internal.copy.CloneCheck;
import dev.schemaclone.internal.copy.PristineState;
import dev.schemaclone.internal.copy.SequenceCache;
import dev.schemaclone.internal.copy.TemplateDefinition;
import dev.schemaclone.internal.migration.MigrationFingerprint;
import dev.schemaclone.internal.migration.MigrationProgress;
import dev.schemaclone.internal.migration.MigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.Identifiers;
import dev.schemaclone.internal.server.ProcessList;
import dev.schemaclone.internal.server.SchemaCloneException;
import dev.schemaclone.internal.workspace.RunSummary.Origin;
import dev.schemaclone.internal.snapshot.TemplateSnapshot;
import dev.schemaclone.internal.snapshot.TemplateSnapshots;
import dev.schemaclone.internal.workspace.WorkspaceSettings.Setting;

/**
 * The template of one migration set on one server: migrated at most once, under a named
 * lock, whatever the number of threads and processes asking; marked ready last, so that a
 * half-built one is recognised and rebuilt.
 */
final class TemplateSchema {

	private static final Log logger = LogFactory.getLog(TemplateSchema.class);

	private final DatabaseServer server;

	private final SchemaRegistry registry;

	private final OwnerLease lease;

	private final WorkspaceSettings settings;

	private final MigrationSet migrations;

	private final MigrationFingerprint fingerprint;

	private final String name;

	/** The snapshots of the template's migration set, {@code null} when turned off. */
	private final @Nullable TemplateSnapshots snapshots;

	/** How {@link #ensureReady()} came by the template. */
	private Origin origin = Origin.FOUND;

	TemplateSchema(DatabaseServer server, SchemaRegistry registry, OwnerLease lease, WorkspaceSettings settings,
			MigrationSet migrations, MigrationFingerprint fingerprint) {
		this.server = server;
		this.registry = registry;
		this.lease = lease;
		this.settings = settings;
		this.migrations = migrations;
		this.fingerprint = fingerprint;
		this.name = this.registry.templateName(this.fingerprint.shortHex());
		this.snapshots = (settings.snapshots() != null) ? new TemplateSnapshots(settings.snapshots()) : null;
	}

	/**
	 * Make sure the template is migrated and ready, building it if no one has.
	 * @return the ready template's registry row
	 */
	Entry ensureReady() {
		try (Connection connection = this.server.open()) {
			Entry ready = this.registry.find(connection, this.name);
			if (ready != null && isReady(ready)) {
				return foundReady(connection, ready);
			}
			String lockName = this.registry.buildLockName(this.name);
			try (Connection lockConnection = this.server.open();
					NamedLock lock = NamedLock.acquire(lockConnection, lockName, this.settings.lockTimeout(),
							"Another process is building the same template; raise '%s' if its migration takes longer"
								.formatted(this.settings.names().of(Setting.LOCK_TIMEOUT)))) {
				Entry entry = this.registry.find(connection, this.name);
				if (entry != null && isReady(entry)) {
					return foundReady(connection, entry);
				}
				clearLeftovers(connection, entry);
				if (!restoreFromSnapshot(connection)) {
					build(connection);
				}
				Entry built = this.registry.find(connection, this.name);
				if (built == null) {
					throw new SchemaCloneException(
							"Template '%s' has no registry row after its build".formatted(this.name));
				}
				return built;
			}
		}
		catch (SQLException ex) {
			throw new SchemaCloneException(
					"Cannot prepare template '%s' on %s: %s".formatted(this.name, this.server, ex.getMessage()), ex);
		}
	}

	/**
	 * Return a template found ready, its snapshot marked used: pruning keeps the
	 * snapshots of the templates in use, also those a server still holds.
	 */
	private Entry foundReady(Connection connection, Entry ready) {
		if (this.snapshots != null) {
			this.snapshots.markUsed(connection, this.fingerprint.hex(), this.fingerprint.lineage());
		}
		return ready;
	}

	/**
	 * Return how {@link #ensureReady()} came by the template: built from history or
	 * restored from a snapshot here, or found ready, also when another thread of this
	 * process made it ready.
	 */
	Origin origin() {
		return this.origin;
	}

	private boolean isReady(Entry entry) {
		if (SchemaRegistry.FAILED.equals(entry.state()) && entry.updatedAt().after(this.lease.startedAt())) {
			// Failed while this process was already running: every fork of this build
			// would
			// fail the same way, so fail fast instead of each retrying the broken
			// history.
			throw new SchemaCloneException(
					"Template '%s' failed to build in another process: %s".formatted(this.name, entry.error()));
		}
		return SchemaRegistry.READY.equals(entry.state());
	}

	private void clearLeftovers(Connection connection, @Nullable Entry entry) throws SQLException {
		if (entry != null) {
			logger.info("Dropping template '%s' left %s by an earlier build".formatted(this.name,
					entry.state().toLowerCase()));
			killSessionsUsing(connection, this.name);
			if (this.registry.drop(connection, this.name, this.lease.token()) != Drop.DROPPED) {
				throw new SchemaCloneException(
						"Template '%s' cannot be built: the server refuses to drop what an earlier build left (see the warning above)"
							.formatted(this.name));
			}
		}
		else if (schemaExists(connection, this.name)) {
			throw new SchemaCloneException(
					"Schema '%s' exists but schemaclone has no record of creating it; drop it yourself or set '%s' to another value"
						.formatted(this.name, this.settings.names().of(Setting.PREFIX)));
		}
	}

	/**
	 * Restore the template from a snapshot of its migration set on this server, if one
	 * gives exactly the state the snapshot recorded; else leave neither schema nor row.
	 */
	private boolean restoreFromSnapshot(Connection connection) throws SQLException {
		TemplateSnapshot snapshot = (this.snapshots != null)
				? this.snapshots.find(connection, this.name, this.fingerprint.hex(), this.fingerprint.lineage()) : null;
		if (snapshot == null) {
			return false;
		}
		create(connection);
		if (!snapshot.restore(this.server, this.name, this.settings.cloneConnections())) {
			if (this.registry.drop(connection, this.name, this.lease.token()) != Drop.DROPPED) {
				throw new SchemaCloneException(
						"Template '%s' cannot be built: the server refuses to drop what its restore from a snapshot left (see the warning above)"
							.formatted(this.name));
			}
			return false;
		}
		markReady(connection, snapshot.migrations(), snapshot.buildMillis());
		this.origin = Origin.RESTORED;
		return true;
	}

	private void create(Connection connection) throws SQLException {
		this.lease.ensureHeld();
		this.registry.registerTemplate(connection, this.name, this.lease.token(), this.fingerprint.hex(),
				this.fingerprint.lineage());
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + Identifiers.quote(this.name));
		}
	}

	private void build(Connection connection) throws SQLException {
		long start = System.nanoTime();
		create(connection);
		MigrationProgress tracker = new MigrationProgress();
		int migrations;
		TemplateDefinition definition;
		try {
			migrations = migrate(connection, tracker);
			SequenceCache.settle(connection, this.name);
			// Read as a clone reads it, so that an object no clone could copy fails the
			// build,
			// named, instead of every clone.
			definition = TemplateDefinition.read(connection, this.name);
		}
		catch (RuntimeException ex) {
			SchemaCloneException failure = (ex instanceof SchemaCloneException sce) ? sce
					: new SchemaCloneException("Migration of template '%s' failed at %s: %s".formatted(this.name,
							tracker.current(), ex.getMessage()), ex);
			this.registry.updateState(connection, this.name, SchemaRegistry.FAILED, failure.getMessage());
			throw failure;
		}
		disableEvents(connection);
		// Kept with the template, as it is once ready: warm claims check against it.
		this.registry.storeCloneCheck(connection, this.name,
				CloneCheck.of(definition, PristineState.read(connection, definition)).toBytes());
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		markReady(connection, migrations, millis);
		this.origin = Origin.BUILT;
		logger.info("Built template '%s': %d migrations in %d ms".formatted(this.name, migrations, millis));
		if (this.snapshots != null) {
			this.snapshots.writeLater(this.server, this.name, this.fingerprint.hex(), this.fingerprint.lineage(),
					migrations, millis);
		}
	}

	/**
	 * Mark the template ready with what building it from history costs, and prune old
	 * templates after: nothing retention does may count it failed.
	 */
	private void markReady(Connection connection, int migrations, long buildMillis) throws SQLException {
		this.registry.markReady(connection, this.name, migrations, buildMillis);
		TemplateRetention.prune(this.server, this.registry, this.lease.token());
	}

	private int migrate(Connection connection, MigrationProgress tracker) {
		Duration timeout = this.settings.migrationTimeout();
		ExecutorService executor = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "schemaclone-migrate-" + this.name);
			thread.setDaemon(true);
			return thread;
		});
		try {
			Future<Integer> result = executor.submit(() -> this.migrations.migrate(this.server, this.name, tracker));
			return result.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			killSessionsUsing(connection, this.name);
			throw new SchemaCloneException(
					"Migration of template '%s' did not finish within %s and was stopped; it was running %s. Raise '%s' if it needs longer, or look for a lock that blocks it"
						.formatted(this.name, timeout, tracker.current(),
								this.settings.names().of(Setting.MIGRATION_TIMEOUT)));
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new SchemaCloneException("Migration of template '%s' failed at %s: %s".formatted(this.name,
					tracker.current(), cause.getMessage()), cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			killSessionsUsing(connection, this.name);
			throw new SchemaCloneException("Interrupted while migrating template '%s'".formatted(this.name), ex);
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * End the sessions still working in a schema: those of a builder that was killed,
	 * whose statements the server keeps running, or of a migration that ran out of time.
	 */
	private static void killSessionsUsing(Connection connection, String schema) {
		try {
			ProcessList sessions = ProcessList.on(connection);
			sessions.end(sessions.sessionsUsing(schema));
		}
		catch (SQLException ex) {
			logger.debug("Could not list sessions using " + schema + ": " + ex.getMessage());
		}
	}

	/**
	 * Disable the template's events: MySQL runs its event scheduler by default, and a
	 * ready template must never change. Its clones copy them disabled.
	 */
	private void disableEvents(Connection connection) throws SQLException {
		try (PreparedStatement events = connection.prepareStatement(
				"SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? AND STATUS <> 'DISABLED'");
				Statement statement = connection.createStatement()) {
			events.setString(1, this.name);
			try (ResultSet result = events.executeQuery()) {
				while (result.next()) {
					statement.addBatch("ALTER EVENT " + Identifiers.quote(this.name) + "."
							+ Identifiers.quoteExisting(result.getString(1)) + " DISABLE");
				}
			}
			statement.executeBatch();
		}
	}

	private static boolean schemaExists(Connection connection, String schema) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
			statement.setString(1, schema);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

}
