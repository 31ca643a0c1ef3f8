package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.coordination.OwnerLease;
import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.coordination.SchemaRegistry.Entry;
import dev.schemaclone.internal.copy.CloneReset;
import dev.schemaclone.internal.migration.MigrationFingerprint;
import dev.schemaclone.internal.migration.MigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.SchemaCloneException;
import dev.schemaclone.internal.workspace.WorkspaceSettings.Setting;

/**
 * The schemas this process manages on one server under one prefix: it builds templates,
 * makes and drops clones, and on opening sweeps the clones of processes that died.
 */
public final class SchemaWorkspace implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(SchemaWorkspace.class);

	/**
	 * How long the end of the process waits for the contexts that still hold clones.
	 * Spring Boot's shutdown hook closes them one after another while this process's
	 * runs; a build tool may halt a test JVM whose exit takes longer than a bound
	 * (Surefire's {@code forkedProcessExitTimeoutInSeconds}, 30 by default), resets of
	 * the clones included.
	 */
	static final Duration CONTEXT_CLOSE_WAIT = Duration.ofSeconds(20);

	private final DatabaseServer server;

	private final WorkspaceSettings settings;

	private final SchemaRegistry registry;

	private final OwnerLease lease;

	private final TemplateStates states;

	private final WarmClones warm;

	private final OwnedClones clones;

	private final HeldClones held = new HeldClones();

	private final SpareClones spares;

	private final FailedSchemas failed;

	private final WorkspaceActivity activity = new WorkspaceActivity();

	/**
	 * The templates this process found or made ready. A clone this process made of one,
	 * or reset to it, needs no second look at the registry: the template was ready, and
	 * retention keeps a template a live process holds clones of.
	 */
	private final Set<String> readyTemplates = ConcurrentHashMap.newKeySet();

	private final CloneMaker maker;

	private final CloneRefreshes refreshes;

	/** The template the last context was filled from: the best guess for the next one. */
	private volatile @Nullable String lastTemplate;

	/**
	 * What tells the application whose contexts this process serves, recorded on warm
	 * clones.
	 */
	private volatile String application = "";

	private SchemaWorkspace(DatabaseServer server, WorkspaceSettings settings, SchemaRegistry registry,
			OwnerLease lease) {
		this.server = server;
		this.settings = settings;
		this.registry = registry;
		this.lease = lease;
		this.clones = new OwnedClones(server, registry, lease.token(), settings.cloneConnections());
		this.states = new TemplateStates(server, registry, settings.cloneConnections());
		this.maker = new CloneMaker(server, registry, lease, this.clones, this.states, settings.cloneConnections(),
				this.activity);
		this.refreshes = new CloneRefreshes(this.states, this.maker, this.clones, this.activity);
		this.warm = new WarmClones(server, registry, lease, this.clones, this.states, this.activity,
				settings.keepWarm());
		this.spares = new SpareClones(settings.prefetch(), this.warm, this.maker, this.states, this.clones,
				this.activity);
		this.failed = new FailedSchemas(server, registry, lease, settings.keepFailed(), settings.cloneConnections());
	}

	/**
	 * Open a workspace: create the registry if needed, take this process's lease and drop
	 * the orphans of dead processes (best effort: a sweep that fails is logged, and the
	 * workspace opens).
	 * @param server the server
	 * @param settings the settings
	 * @return the workspace
	 */
	static SchemaWorkspace open(DatabaseServer server, WorkspaceSettings settings) {
		SchemaRegistry registry = new SchemaRegistry(settings.prefix());
		OwnerLease lease;
		try (Connection connection = server.open()) {
			registry.create(connection);
			lease = OwnerLease.take(server, settings.prefix(), settings.leaseGrace());
		}
		catch (SQLException ex) {
			throw new SchemaCloneException(
					"Cannot prepare schemaclone's registry on %s: %s. The user needs CREATE, DROP, INSERT, UPDATE, DELETE and SELECT on all schemas; give an admin user as %s if the application's user lacks them"
						.formatted(server, ex.getMessage(), settings.names().of(Setting.CREDENTIALS)),
					ex);
		}
		OrphanSweeper.sweep(server, registry, lease.token());
		return new SchemaWorkspace(server, settings, registry, lease);
	}

	/**
	 * Return the template of a migration set, migrating it first if no process has.
	 * @param migrations the application's own Flyway or Liquibase set-up
	 * @return the template's schema name
	 */
	String template(MigrationSet migrations) {
		return template(migrations, migrations.fingerprint());
	}

	private String template(MigrationSet migrations, MigrationFingerprint fingerprint) {
		TemplateSchema schema = new TemplateSchema(this.server, this.registry, this.lease, this.settings, migrations,
				fingerprint);
		Entry template = schema.ensureReady();
		this.activity.templateUsed(template.name(), template.buildCost(), schema.origin());
		this.readyTemplates.add(template.name());
		return template.name();
	}

	/**
	 * Reserve a schema for a context that does not know its template yet: a spare or a
	 * warm clone of the template the last context used, else a warm clone of another
	 * template of the application, to be converted, else an empty schema. The first
	 * context of a process guesses the template its application used last that has warm
	 * clones.
	 * @param application what tells the application from others on the server, recorded
	 * on the warm clones it leaves
	 * @return the reserved schema
	 */
	public ReservedSchema reserve(String application) {
		long start = System.nanoTime();
		this.application = application;
		String template = (this.lastTemplate != null) ? this.lastTemplate : this.warm.lastTemplateOf(application);
		String spare = this.spares.take(template);
		ReservedSchema other = (spare == null && template != null) ? this.warm.claimToConvert(application, template)
				: null;
		ReservedSchema reserved = (spare != null) ? new ReservedSchema(spare, template)
				: (other != null) ? other : new ReservedSchema(this.maker.createEmpty(), null);
		this.activity.waited(System.nanoTime() - start);
		return reserved;
	}

	/**
	 * Reserve an empty schema, for a context that has no migration to fill it from.
	 * @return the reserved schema
	 */
	public ReservedSchema reserveEmpty() {
		long start = System.nanoTime();
		ReservedSchema reserved = new ReservedSchema(this.maker.createEmpty(), null);
		this.activity.waited(System.nanoTime() - start);
		return reserved;
	}

	/**
	 * Record that a context writes into a clone until it gives it back with
	 * {@link #recycle}, {@link #keep} or {@link #dropLater} as it closes: the end of the
	 * process leaves the clone alone until then, and drops it if that takes too long.
	 * @param clone the clone, from {@link #reserve(String)}
	 */
	public void hold(String clone) {
		this.held.hold(clone);
	}

	/**
	 * Make the clone of a closed context a spare for the next context, in the background,
	 * instead of dropping it: its reset costs a fraction of a new clone. One that cannot
	 * be reset is dropped.
	 * @param clone the clone
	 * @param template the template it was filled from
	 */
	public void recycle(String clone, String template) {
		this.refreshes.end(clone);
		this.spares.recycle(clone, template);
		this.held.release(clone);
	}

	/**
	 * Make a reserved schema a clone of the template of a migration set, migrating the
	 * template first if no process has. A template that another process's retention
	 * dropped while this one was about to clone it is built again.
	 * @param reserved the schema from {@link #reserve(String)}
	 * @param migrations the application's own Flyway or Liquibase set-up
	 * @return the template the schema was filled from
	 */
	public String complete(ReservedSchema reserved, MigrationSet migrations) {
		long start = System.nanoTime();
		MigrationFingerprint fingerprint = migrations.fingerprint();
		String template = this.registry.templateName(fingerprint.shortHex());
		if (!reserved.isCheckedCloneOf(template) || !this.readyTemplates.contains(template)) {
			template = template(migrations, fingerprint);
		}
		this.activity.waited(System.nanoTime() - start);
		try {
			completeFrom(reserved, template);
		}
		catch (TemplateRetiredException ex) {
			logger.info(ex.getMessage() + "; building it again");
			template = template(migrations);
			completeFrom(reserved, template);
		}
		return template;
	}

	/**
	 * Look again at a reserved schema just before it is completed: an empty one that
	 * holds objects now was written into by the context before its migration set was
	 * known (a migration run before schemaclone could fill it), and is converted into a
	 * clone instead of copied into. A prefetched clone is not looked at: it is converted
	 * unless it is a clone of the template the context needs, and a migration that found
	 * its full history wrote nothing.
	 * @param reserved the schema from {@link #reserve(String)}
	 * @return the same schema, marked {@link ReservedSchema#written() written} if it was
	 */
	public ReservedSchema recheck(ReservedSchema reserved) {
		if (reserved.filledFrom() != null || !this.maker.holdsTables(reserved.name())) {
			return reserved;
		}
		return new ReservedSchema(reserved.name(), null, true, true);
	}

	/**
	 * Make a reserved schema a clone of a template: nothing to do when it was prefetched
	 * from that template, a copy otherwise. Then start preparing the next one.
	 * @param reserved the schema from {@link #reserve(String)}
	 * @param template the template the context needs
	 */
	void completeFrom(ReservedSchema reserved, String template) {
		long start = System.nanoTime();
		boolean hit = reserved.isCheckedCloneOf(template);
		if (!hit) {
			this.maker.fill(template, reserved.name(), reserved.filledFrom() != null || reserved.written());
		}
		this.lastTemplate = template;
		this.spares.replenish(template);
		this.spares.readAhead(template);
		long nanos = System.nanoTime() - start;
		this.activity.contextFilled(template, hit, this.settings.prefetch() > 0, nanos);
		logger.info("Schema '%s' ready for its context in %d ms (prefetch %s)".formatted(reserved.name(),
				Duration.ofNanos(nanos).toMillis(), hit ? "hit" : (this.settings.prefetch() > 0) ? "miss" : "off"));
	}

	/**
	 * Return the means to bring one of this process's clones back to its template's
	 * state, after tests changed it. It holds a connection of its own until closed.
	 * @param clone the clone
	 * @param template the template it was filled from
	 * @return the reset
	 */
	CloneReset resetOf(String clone, String template) {
		return this.states.resetOf(clone, template);
	}

	/**
	 * Keep a copy of a clone as a failed test left it, for a developer to look at after
	 * the run; the clone itself goes on serving its context.
	 * @param clone the clone
	 * @return the copy's schema name, or {@code null} if none was kept (turned off, bound
	 * reached in this process, or the copy failed, which is logged)
	 */
	public @Nullable String keepFailed(String clone) {
		String copy = this.failed.keep(clone);
		if (copy != null) {
			this.activity.failedKept();
		}
		return copy;
	}

	/**
	 * Take one of this process's clones' state now as the baseline its refreshes return
	 * to: when its context's first test begins, and when a test class begins. A state
	 * that differs from the baseline below (data its context wrote while starting, or a
	 * class before its tests) is copied, and the copy dropped when the baseline ends.
	 * @param clone the clone
	 * @param template the template it was filled from
	 * @param changedSinceReset whether anything may have written into the clone since its
	 * last refresh; {@code false} spares the comparison
	 */
	public void beginBaseline(String clone, String template, boolean changedSinceReset) {
		this.refreshes.beginBaseline(clone, template, changedSinceReset);
	}

	/**
	 * End the last baseline taken of a clone: its refreshes return to the one below.
	 * @param clone the clone
	 */
	public void endBaseline(String clone) {
		this.refreshes.endBaseline(clone);
	}

	/**
	 * Bring one of this process's clones back to its baseline after tests changed it: the
	 * last one taken, else its template's state. The first refresh towards a baseline
	 * opens a connection that the next ones reuse, until the baseline ends or the clone
	 * is recycled, kept or dropped.
	 * @param clone the clone
	 * @param template the template it was filled from
	 * @param test the test that ran, named in warnings
	 * @throws SchemaCloneException if the clone could be neither reset nor made again
	 */
	public void refresh(String clone, String template, String test) {
		this.refreshes.refresh(clone, template, test);
	}

	/**
	 * Return what this workspace did so far.
	 * @return the summary
	 */
	RunSummary summary() {
		return this.activity.summary();
	}

	/**
	 * Create a clone of a ready template.
	 * @param template the template's schema name
	 * @return the clone's schema name
	 */
	String createClone(String template) {
		return this.maker.createClone(template);
	}

	/**
	 * Drop a schema this process created, and wait for it.
	 * @param schema the schema's name
	 */
	void drop(String schema) {
		this.refreshes.end(schema);
		this.clones.drop(schema);
		this.held.release(schema);
	}

	/**
	 * Drop a clone this process created in the background; the process waits for it at
	 * exit.
	 * @param clone the clone's name
	 */
	public void dropLater(String clone) {
		this.refreshes.end(clone);
		this.clones.dropLater(clone);
		this.held.release(clone);
	}

	/**
	 * End every clone this process made or claimed and has not dropped yet, and wait for
	 * it: up to {@code keepWarm} per template are reset and kept warm for later
	 * processes, each once the context that holds it closed, the rest dropped.
	 */
	void endClones() {
		this.refreshes.endAll();
		this.spares.close();
		this.held.awaitEach(this.clones.pending(), CONTEXT_CLOSE_WAIT,
				(clone) -> this.clones.end(clone, this.warm, this.application), (clone) -> {
					logger.warn(
							"The context of clone '%s' did not close within %s of the process's end; dropping the clone instead of keeping it warm"
								.formatted(clone, CONTEXT_CLOSE_WAIT));
					this.clones.dropLater(clone);
				});
		this.clones.awaitEnds();
	}

	/**
	 * Leave a clone in place when this process ends, for debugging; the next process that
	 * opens a workspace on the server drops it.
	 * @param clone the clone's name
	 */
	public void keep(String clone) {
		this.refreshes.end(clone);
		this.clones.keep(clone);
		this.held.release(clone);
		logger.info("Keeping clone '%s' for debugging until the next run".formatted(clone));
	}

	/**
	 * Return the settings this workspace was opened with.
	 * @return the settings
	 */
	public WorkspaceSettings settings() {
		return this.settings;
	}

	DatabaseServer server() {
		return this.server;
	}

	SchemaRegistry registry() {
		return this.registry;
	}

	OwnerLease lease() {
		return this.lease;
	}

	@Override
	public void close() {
		this.spares.close();
		this.lease.close();
	}

}
