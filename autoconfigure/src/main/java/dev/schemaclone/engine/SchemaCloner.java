package dev.schemaclone.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

import dev.schemaclone.engine.TemplateDefinition.SqlObject;
import dev.schemaclone.engine.TemplateDefinition.Table;

/**
 * Copies a ready template into a new schema, object kind by object kind, so that the clone
 * cannot be told from a schema migrated the usual way: tables with every index, key and
 * constraint and their {@code AUTO_INCREMENT} counters, the rows of every table that has
 * rows, views reading the clone's tables, routines, triggers and events.
 */
final class SchemaCloner {

	private SchemaCloner() {
	}

	/**
	 * Fill an existing empty schema with a copy of the template.
	 * @param connection a connection of its own, whose session settings this changes
	 * @param definition the template's objects
	 * @param clone the empty schema to fill
	 */
	static void copy(Connection connection, TemplateDefinition definition, String clone) throws SQLException {
		String target = Identifiers.quote(clone);
		String source = Identifiers.quote(definition.template());
		try (Statement statement = connection.createStatement()) {
			statement.execute("USE " + target);
			// Tables come in name order, not in foreign-key order, and rows are copied as they
			// are: checks would only repeat what the template already passed.
			statement.execute("SET SESSION foreign_key_checks = 0, unique_checks = 0");
			for (Table table : definition.tables()) {
				statement.addBatch(table.ddl());
			}
			statement.executeBatch();
			// NO_AUTO_VALUE_ON_ZERO keeps a stored 0 in an AUTO_INCREMENT column a 0.
			statement.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO')");
			for (Table table : definition.tables()) {
				if (table.hasRows()) {
					String columns = table.writableColumns()
						.stream()
						.map(Identifiers::quoteExisting)
						.collect(Collectors.joining(", "));
					String name = Identifiers.quoteExisting(table.name());
					statement.addBatch("INSERT INTO " + target + "." + name + " (" + columns + ") SELECT " + columns
							+ " FROM " + source + "." + name);
				}
			}
			statement.executeBatch();
			for (SqlObject view : definition.views()) {
				statement.addBatch(definition.retarget(view.ddl(), clone));
			}
			statement.executeBatch();
			createWithSqlMode(connection, definition, clone, definition.routines());
			createWithSqlMode(connection, definition, clone, definition.triggers());
			createWithSqlMode(connection, definition, clone, definition.events());
		}
	}

	private static void createWithSqlMode(Connection connection, TemplateDefinition definition, String clone,
			Iterable<SqlObject> objects) throws SQLException {
		try (PreparedStatement mode = connection.prepareStatement("SET SESSION sql_mode = ?");
				Statement statement = connection.createStatement()) {
			for (SqlObject object : objects) {
				mode.setString(1, object.sqlMode());
				mode.execute();
				statement.execute(definition.retarget(object.ddl(), clone));
			}
		}
	}

}
