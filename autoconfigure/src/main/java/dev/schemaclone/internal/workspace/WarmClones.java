package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.coordination.NamedLock;
import dev.schemaclone.internal.coordination.OwnerLease;
import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.coordination.SchemaRegistry.Entry;
import dev.schemaclone.internal.copy.CloneReset;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * Clones kept on the server between processes: claimed by this process instead of
 * cloning, checked before use, and this process's own kept at its end, reset, up to a
 * bound per template. Claims are conditional updates of the registry, so two processes
 * never get the same clone.
 */
final class WarmClones {

	private static final Log logger = LogFactory.getLog(WarmClones.class);

	/**
	 * Counting a template's warm clones and adding one takes milliseconds; others wait
	 * that long.
	 */
	private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

	private final DatabaseServer server;

	private final SchemaRegistry registry;

	private final OwnerLease lease;

	private final OwnedClones clones;

	private final TemplateStates states;

	private final WorkspaceActivity activity;

	private final int keep;

	/**
	 * @param keep how many warm clones per template to keep at most, 0 for none
	 */
	WarmClones(DatabaseServer server, SchemaRegistry registry, OwnerLease lease, OwnedClones clones,
			TemplateStates states, WorkspaceActivity activity, int keep) {
		this.server = server;
		this.registry = registry;
		this.lease = lease;
		this.clones = clones;
		this.states = states;
		this.activity = activity;
		this.keep = keep;
	}

	/**
	 * Return the ready template an application used last that has warm clones: the best
	 * guess for a process's first context, before its migrations are read.
	 * @return the template, or {@code null} if the application has no warm clone
	 */
	@Nullable String lastTemplateOf(String application) {
		try (Connection connection = this.server.open()) {
			return this.registry.lastTemplateWithWarmClones(connection, application);
		}
		catch (SQLException ex) {
			throw new SchemaCloneException(
					"Cannot read schemaclone's registry on %s: %s".formatted(this.server, ex.getMessage()), ex);
		}
	}

	/**
	 * Claim a warm clone of a template and check it before use, in one query against the
	 * check kept with the template: one that something changed after it was kept, or that
	 * cannot be checked (its schema dropped by hand), is dropped, and the next one tried.
	 * @return the claim, the clone now this process's, or {@code null} if there is none
	 * fit for use
	 */
	@Nullable Claim claim(String template) {
		long start = System.nanoTime();
		try (Connection connection = this.server.open()) {
			for (;;) {
				Entry claimed = claimOne(connection, template);
				if (claimed == null) {
					return null;
				}
				String clone = claimed.name();
				// Claimed first, then the template's state looked at, as a cloner does:
				// template retention marks a template first and looks for clones after.
				Entry entry = this.registry.find(connection, template);
				if (entry == null || !SchemaRegistry.READY.equals(entry.state())) {
					this.clones.drop(clone);
					return null;
				}
				if (isPristine(connection, clone, template)) {
					this.activity.warmClaimed();
					logger.info("Claimed warm clone '%s' of '%s' in %d ms".formatted(clone, template,
							Duration.ofNanos(System.nanoTime() - start).toMillis()));
					return new Claim(clone, claimed.updatedAt().after(this.lease.startedAt()));
				}
				discard(clone);
			}
		}
		catch (SQLException ex) {
			throw new SchemaCloneException(
					"Cannot claim a warm clone of '%s' on %s: %s".formatted(template, this.server, ex.getMessage()),
					ex);
		}
	}

	/**
	 * Claim, unchecked, a warm clone of the template an application used last, when that
	 * is not the template the context before needed: converting it costs a fraction of a
	 * copy where the two templates differ in a few tables, as after a changed migration,
	 * and the conversion ends in a reset that compares it exactly with the template the
	 * context needs, so its own state does not matter. Marked unchecked, it is converted
	 * even when that template is its own.
	 * @param application what tells the application that kept it
	 * @param template the template the context needs
	 * @return the clone, now this process's, with the template it holds a clone of, or
	 * {@code null} if there is none
	 */
	@Nullable ReservedSchema claimToConvert(String application, String template) {
		try (Connection connection = this.server.open()) {
			String other = this.registry.lastTemplateWithWarmClones(connection, application);
			if (other == null || other.equals(template)) {
				return null;
			}
			Entry claimed = claimOne(connection, other);
			return (claimed != null) ? new ReservedSchema(claimed.name(), other, false, false) : null;
		}
		catch (SQLException ex) {
			throw new SchemaCloneException("Cannot claim a warm clone of another template than '%s' on %s: %s"
				.formatted(template, this.server, ex.getMessage()), ex);
		}
	}

	/**
	 * Claim one warm clone of a template, if there is one, and record it as this
	 * process's clone of that template.
	 */
	private @Nullable Entry claimOne(Connection connection, String template) throws SQLException {
		this.lease.ensureHeld();
		Entry claimed = this.registry.claimWarm(connection, template, this.lease.token());
		if (claimed != null) {
			this.clones.add(claimed.name());
			this.clones.recordTemplate(claimed.name(), template);
		}
		return claimed;
	}

	/**
	 * Return whether a claimed clone holds exactly its template's state; one whose check
	 * fails is unfit, whatever the cause: a context never waits on a bad warm clone.
	 */
	private boolean isPristine(Connection connection, String clone, String template) {
		try {
			if (this.states.checkOf(connection, template).isPristine(connection, clone)) {
				return true;
			}
			logger.warn("Warm clone '%s' was changed after it was kept; dropping it".formatted(clone));
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Warm clone '%s' cannot be checked (%s); dropping it".formatted(clone, ex.getMessage()));
		}
		return false;
	}

	/**
	 * Drop a claimed clone found unfit, through the registry's ownership check; one whose
	 * drop fails too is left to the next run's sweep rather than fail the context.
	 */
	private void discard(String clone) {
		try {
			this.clones.drop(clone);
		}
		catch (RuntimeException ex) {
			logger.warn(ex.getMessage() + "; the next run drops it");
		}
	}

	/**
	 * Reset one of this process's clones and keep it warm, unless its template has as
	 * many warm clones as the bound. The reset comes before the mark: a process killed in
	 * between leaves a clone of its own, which the next process drops as an orphan, never
	 * a dirty warm one. Each step holds one connection, closed before the next opens.
	 * @param application what tells the application that used it
	 * @return whether the clone is kept
	 * @throws SchemaCloneException if the server refused a connection at its limit of
	 * connections: the clone is neither kept nor dropped, and keeping it can be tried
	 * again when fewer connections are open
	 */
	boolean keep(String clone, String application) {
		String template = this.clones.templateOf(clone);
		if (template == null || this.keep == 0) {
			return false;
		}
		try {
			try (CloneReset reset = this.states.resetOf(clone, template)) {
				reset.reset("the end of this process");
			}
			try (Connection connection = this.server.open();
					NamedLock lock = NamedLock.acquire(connection, this.registry.warmLockName(template), LOCK_WAIT,
							"Other processes are keeping clones of the same template warm")) {
				return this.registry.countWarm(connection, template) < this.keep
						&& this.registry.makeWarm(connection, clone, this.lease.token(), application);
			}
		}
		catch (SQLException | RuntimeException ex) {
			if (ex instanceof SchemaCloneException refused && DatabaseServer.isConnectionLimit(refused)) {
				throw refused;
			}
			// A clone that is not kept costs the next build a copy: say why.
			logger.info("Could not keep '%s' warm (%s); dropping it".formatted(clone, ex.getMessage()));
			return false;
		}
	}

	/**
	 * A warm clone claimed.
	 *
	 * @param schema the clone, now this process's
	 * @param keptMeanwhile whether it was kept after this process started, by a process
	 * running alongside, such as another fork of the same build: the build then ends with
	 * one clone fewer for the next than its processes ended with, unless one is made in
	 * its place
	 */
	record Claim(String schema, boolean keptMeanwhile) {

	}

}
