package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.copy.CloneCheck;
import dev.schemaclone.internal.copy.CloneReset;
import dev.schemaclone.internal.copy.PristineState;
import dev.schemaclone.internal.copy.TemplateDefinition;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * What this process has read of each ready template, once: its definition, which every
 * clone replays, its pristine state, which every reset of a clone compares with, and the
 * check of its warm clones, kept in the registry. A ready template never changes, so one
 * reading serves the whole process.
 */
final class TemplateStates {

	private final DatabaseServer server;

	private final SchemaRegistry registry;

	private final int cloneConnections;

	private final Map<String, TemplateDefinition> definitions = new ConcurrentHashMap<>();

	private final Map<String, PristineState> pristineStates = new ConcurrentHashMap<>();

	private final Map<String, CloneCheck> checks = new ConcurrentHashMap<>();

	TemplateStates(DatabaseServer server, SchemaRegistry registry, int cloneConnections) {
		this.server = server;
		this.registry = registry;
		this.cloneConnections = cloneConnections;
	}

	/**
	 * Return a template's definition, read on first use, when its use is also recorded
	 * for template retention: once per template and process.
	 */
	TemplateDefinition definition(Connection connection, String template) throws SQLException {
		TemplateDefinition definition = this.definitions.get(template);
		if (definition == null) {
			this.registry.markUsed(connection, template);
			definition = TemplateDefinition.read(connection, template);
			this.definitions.put(template, definition);
		}
		return definition;
	}

	/**
	 * Return the check of a ready template's clones: the one kept in the registry when it
	 * was built, read once per process (its use recorded for template retention then),
	 * without reading the template. A template an older schemaclone built has none: it is
	 * read, and its check kept for later processes.
	 */
	CloneCheck checkOf(Connection connection, String template) throws SQLException {
		CloneCheck check = this.checks.get(template);
		if (check != null) {
			return check;
		}
		byte[] stored = this.registry.cloneCheck(connection, template);
		check = (stored != null) ? CloneCheck.fromBytes(stored) : null;
		if (check == null) {
			TemplateDefinition definition = definition(connection, template);
			check = CloneCheck.of(definition, pristineState(connection, definition));
			this.registry.storeCloneCheck(connection, template, check.toBytes());
		}
		else if (!this.definitions.containsKey(template)) {
			this.registry.markUsed(connection, template);
		}
		this.checks.put(template, check);
		return check;
	}

	/**
	 * Return the means to bring a clone back to the state of a copy of it, read now: a
	 * copy is no template, and serves one clone only.
	 */
	CloneReset resetTowardsCopy(String clone, String copy) {
		try (Connection connection = this.server.open()) {
			TemplateDefinition definition = TemplateDefinition.read(connection, copy);
			return reset(definition, PristineState.read(connection, definition), clone);
		}
		catch (SQLException ex) {
			throw new SchemaCloneException(
					"Cannot read the state of '%s' on %s: %s".formatted(copy, this.server, ex.getMessage()), ex);
		}
	}

	/**
	 * Return the means to bring a clone of a template back to the template's state. It
	 * holds a connection of its own until closed.
	 */
	CloneReset resetOf(String clone, String template) {
		Read read = read(template);
		return reset(read.definition(), read.pristine(), clone);
	}

	/**
	 * Read a template's definition and pristine state ahead of the first reset of one of
	 * its clones, which then opens no connection for them.
	 */
	void readAhead(String template) {
		read(template);
	}

	private Read read(String template) {
		TemplateDefinition definition = this.definitions.get(template);
		PristineState pristine = this.pristineStates.get(template);
		if (definition != null && pristine != null) {
			// Every claim, recycle and warm keep asks: no connection once both are read.
			return new Read(definition, pristine);
		}
		try (Connection connection = this.server.open()) {
			definition = definition(connection, template);
			return new Read(definition, pristineState(connection, definition));
		}
		catch (SQLException ex) {
			throw new SchemaCloneException("Cannot read the state of template '%s' on %s: %s".formatted(template,
					this.server, ex.getMessage()), ex);
		}
	}

	private PristineState pristineState(Connection connection, TemplateDefinition definition) throws SQLException {
		PristineState pristine = this.pristineStates.get(definition.template());
		if (pristine == null) {
			pristine = PristineState.read(connection, definition);
			this.pristineStates.put(definition.template(), pristine);
		}
		return pristine;
	}

	private CloneReset reset(TemplateDefinition definition, PristineState pristine, String clone) {
		return new CloneReset(this.server, definition, pristine, this.registry::recreateEmpty, clone,
				this.cloneConnections);
	}

	private record Read(TemplateDefinition definition, PristineState pristine) {

	}

}
