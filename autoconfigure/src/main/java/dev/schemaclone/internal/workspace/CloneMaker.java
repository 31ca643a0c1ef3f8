package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.schemaclone.internal.coordination.OwnerLease;
import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.coordination.SchemaRegistry.Entry;
import dev.schemaclone.internal.copy.CloneConversion;
import dev.schemaclone.internal.copy.CloneReset;
import dev.schemaclone.internal.copy.CloneReset.Outcome;
import dev.schemaclone.internal.copy.SchemaCloner;
import dev.schemaclone.internal.copy.TemplateDefinition;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.Identifiers;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * Makes this process's clones: an empty schema, registered before it exists, filled from
 * a ready template whose definition is read once per process.
 */
final class CloneMaker {

	private static final Log logger = LogFactory.getLog(CloneMaker.class);

	private final DatabaseServer server;

	private final SchemaRegistry registry;

	private final OwnerLease lease;

	private final OwnedClones clones;

	private final TemplateStates states;

	private final int cloneConnections;

	private final WorkspaceActivity activity;

	private final AtomicInteger sequence = new AtomicInteger();

	CloneMaker(DatabaseServer server, SchemaRegistry registry, OwnerLease lease, OwnedClones clones,
			TemplateStates states, int cloneConnections, WorkspaceActivity activity) {
		this.server = server;
		this.registry = registry;
		this.lease = lease;
		this.clones = clones;
		this.states = states;
		this.cloneConnections = cloneConnections;
		this.activity = activity;
	}

	/**
	 * Create an empty schema owned by this process, registered before it exists.
	 */
	String createEmpty() {
		this.lease.ensureHeld();
		String name = this.registry.cloneName(this.lease.token(), this.sequence.incrementAndGet());
		try (Connection connection = this.server.open(); Statement statement = connection.createStatement()) {
			this.registry.registerClone(connection, name, this.lease.token());
			statement.execute("CREATE DATABASE " + Identifiers.quote(name));
			this.clones.add(name);
			return name;
		}
		catch (SQLException ex) {
			throw new SchemaCloneException(
					"Cannot create schema '%s' on %s: %s".formatted(name, this.server, ex.getMessage()), ex);
		}
	}

	/**
	 * Return whether a schema holds a table, view or sequence. Every migration tool
	 * creates its history table first, so a migrated schema always holds one.
	 */
	boolean holdsTables(String schema) {
		try (Connection connection = this.server.open();
				PreparedStatement statement = connection
					.prepareStatement("SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? LIMIT 1")) {
			statement.setString(1, schema);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
		catch (SQLException ex) {
			throw new SchemaCloneException(
					"Cannot read schema '%s' on %s: %s".formatted(schema, this.server, ex.getMessage()), ex);
		}
	}

	/**
	 * Make a schema made by {@link #createEmpty()} a clone of a ready template.
	 * @param template the template
	 * @param clone the schema
	 * @param holdsObjects whether the schema holds a clone of another template, or what
	 * the context wrote into it before its template was known: it is converted, or
	 * emptied and copied into where that fails
	 */
	void fill(String template, String clone, boolean holdsObjects) {
		long start = System.nanoTime();
		try (Connection connection = this.server.open()) {
			// Recorded first, then the template's state looked at: template retention
			// marks a
			// template first and looks for records after, so one of the two sees the
			// other.
			this.registry.recordTemplate(connection, clone, template);
			this.clones.recordTemplate(clone, template);
			Entry entry = this.registry.find(connection, template);
			if (entry == null || !SchemaRegistry.READY.equals(entry.state())) {
				throw new TemplateRetiredException(template);
			}
			TemplateDefinition definition = this.states.definition(connection, template);
			if (holdsObjects && convert(template, clone, definition)) {
				return;
			}
			if (holdsObjects) {
				this.registry.recreateEmpty(connection, clone, definition.charset(), definition.collation());
			}
			else {
				SchemaCloner.takeDefaults(connection, definition, clone);
			}
			SchemaCloner.copy(this.server, definition, clone, this.cloneConnections);
			this.activity.cloneMade();
		}
		catch (SQLException ex) {
			throw new SchemaCloneException(
					"Cannot clone template '%s' into '%s': %s".formatted(template, clone, ex.getMessage()), ex);
		}
		logger.debug("Copied '%s' into '%s' in %d ms".formatted(template, clone,
				Duration.ofNanos(System.nanoTime() - start).toMillis()));
	}

	/**
	 * Turn a schema that holds a clone of another template, or what a context wrote, into
	 * a clone of this one by making again only what differs, then reset it: the reset's
	 * exact comparison with the template restores what the conversion kept, and makes the
	 * whole schema again if anything else still differs.
	 * @return whether the schema is now a clone of the template; if not, it is in no
	 * known state and must be emptied and copied into
	 */
	private boolean convert(String template, String clone, TemplateDefinition definition) {
		long start = System.nanoTime();
		try {
			int kept = CloneConversion.convert(this.server, definition, clone, this.cloneConnections);
			try (CloneReset reset = this.states.resetOf(clone, template)) {
				if (reset.reset("its conversion from another template") == Outcome.REPLACED) {
					this.activity.cloneMade();
					return true;
				}
			}
			this.activity.converted();
			logger.info("Converted '%s' into a clone of '%s' in %d ms, keeping %d of its %d tables".formatted(clone,
					template, Duration.ofNanos(System.nanoTime() - start).toMillis(), kept,
					definition.tables().size()));
			return true;
		}
		catch (SQLException | RuntimeException ex) {
			logger.info("Could not convert '%s' into a clone of '%s' (%s); copying the template instead"
				.formatted(clone, template, ex.getMessage()));
			return false;
		}
	}

	/**
	 * Copy one of this process's schemas as it is now into a new schema of this process.
	 * @param schema the schema to copy
	 * @return the copy's name
	 */
	String copyOf(String schema) {
		String copy = createEmpty();
		try (Connection connection = this.server.open()) {
			SchemaCloner.copyAsIs(this.server, connection, schema, copy, this.cloneConnections);
			return copy;
		}
		catch (SQLException | RuntimeException ex) {
			this.clones.drop(copy);
			throw new SchemaCloneException("Cannot copy '%s' into '%s': %s".formatted(schema, copy, ex.getMessage()),
					ex);
		}
	}

	/**
	 * Create a clone of a ready template.
	 * @param template the template's schema name
	 * @return the clone's schema name
	 */
	String createClone(String template) {
		long start = System.nanoTime();
		String clone = createEmpty();
		try {
			fill(template, clone, false);
			logger.info("Cloned '%s' into '%s' in %d ms".formatted(template, clone,
					Duration.ofNanos(System.nanoTime() - start).toMillis()));
			return clone;
		}
		catch (RuntimeException ex) {
			this.clones.drop(clone);
			throw ex;
		}
	}

}
