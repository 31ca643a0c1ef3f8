package dev.schemaclone.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.schemaclone.engine.TemplateDefinition.SqlObject;
import dev.schemaclone.engine.TemplateDefinition.Table;

/**
 * Copies a ready template into a new schema, object kind by object kind, so that the clone
 * cannot be told from a schema migrated the usual way: tables with every index, key and
 * constraint and their {@code AUTO_INCREMENT} counters, the rows of every table that has
 * rows, views reading the clone's tables, routines, triggers and events. Tables and rows are
 * spread over several connections: the server's work per {@code CREATE TABLE} is mostly
 * waiting for its data dictionary to reach disk, and several sessions wait together.
 */
final class SchemaCloner {

	/** Fewer tables than this per connection cost more in connections than they save. */
	private static final int MIN_TABLES_PER_CONNECTION = 10;

	private static final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "schemaclone-clone");
		thread.setDaemon(true);
		return thread;
	});

	private SchemaCloner() {
	}

	/**
	 * Fill an existing empty schema with a copy of the template.
	 * @param server the server, to open connections of its own on
	 * @param definition the template's objects
	 * @param clone the empty schema to fill
	 * @param connections how many connections to spread tables and rows over, at most
	 */
	static void copy(DatabaseServer server, TemplateDefinition definition, String clone, int connections)
			throws SQLException {
		int parallel = Math.max(1, Math.min(connections, definition.tables().size() / MIN_TABLES_PER_CONNECTION));
		List<List<Table>> shares = new ArrayList<>();
		for (int i = 0; i < parallel; i++) {
			shares.add(new ArrayList<>());
		}
		for (int i = 0; i < definition.tables().size(); i++) {
			shares.get(i % parallel).add(definition.tables().get(i));
		}
		List<Future<Void>> copies = new ArrayList<>();
		for (List<Table> share : shares.subList(1, parallel)) {
			copies.add(executor.submit(() -> {
				try (Connection connection = server.open(clone)) {
					copyTables(connection, definition, clone, share);
				}
				return null;
			}));
		}
		try (Connection connection = server.open(clone)) {
			copyTables(connection, definition, clone, shares.get(0));
			await(copies);
			try (Statement statement = connection.createStatement()) {
				for (SqlObject view : definition.views()) {
					statement.addBatch(definition.retarget(view.ddl(), clone));
				}
				statement.executeBatch();
			}
			createWithSqlMode(connection, definition, clone, definition.routines());
			createWithSqlMode(connection, definition, clone, definition.triggers());
			createWithSqlMode(connection, definition, clone, definition.events());
		}
	}

	/**
	 * Create tables and copy their rows, on a connection of its own whose session settings
	 * this changes.
	 */
	private static void copyTables(Connection connection, TemplateDefinition definition, String clone, List<Table> tables)
			throws SQLException {
		String target = Identifiers.quote(clone);
		String source = Identifiers.quote(definition.template());
		try (Statement statement = connection.createStatement()) {
			// Tables come in name order, not in foreign-key order, and rows are copied as they
			// are: checks would only repeat what the template already passed.
			statement.execute("SET SESSION foreign_key_checks = 0, unique_checks = 0");
			for (Table table : tables) {
				statement.addBatch(table.ddl());
			}
			statement.executeBatch();
			// NO_AUTO_VALUE_ON_ZERO keeps a stored 0 in an AUTO_INCREMENT column a 0.
			statement.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO')");
			for (Table table : tables) {
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
		}
	}

	private static void await(List<Future<Void>> copies) throws SQLException {
		for (Future<Void> copy : copies) {
			try {
				copy.get();
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof SQLException sql) {
					throw sql;
				}
				throw new SchemaCloneException("Copying tables failed: " + ex.getCause().getMessage(), ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SchemaCloneException("Interrupted while copying tables", ex);
			}
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
