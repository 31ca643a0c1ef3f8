package dev.schemaclone.internal.copy;

import java.sql.BatchUpdateException;
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
import java.util.function.Function;

import dev.schemaclone.internal.copy.TemplateDefinition.Event;
import dev.schemaclone.internal.copy.TemplateDefinition.Kind;
import dev.schemaclone.internal.copy.TemplateDefinition.SqlObject;
import dev.schemaclone.internal.copy.TemplateDefinition.Table;
import dev.schemaclone.internal.copy.TemplateDefinition.Trigger;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.Identifiers;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * Copies a ready template into a new schema, object kind by object kind, so that the
 * clone cannot be told from a schema migrated the usual way: sequences with their next
 * values, tables with every index, key and constraint and their {@code AUTO_INCREMENT}
 * counters, the rows of every table that has rows (a system-versioned table's history
 * too), views reading the clone's tables, routines, triggers and events. Tables and rows
 * are spread over several connections: the server's work per {@code CREATE TABLE} is
 * mostly waiting for its data dictionary to reach disk, and several sessions wait
 * together.
 */
public final class SchemaCloner {

	/** Fewer tables than this per connection cost more in connections than they save. */
	private static final int MIN_TABLES_PER_CONNECTION = 10;

	/** {@code ER_LOCK_DEADLOCK}, the same code in MySQL and MariaDB. */
	private static final int ER_LOCK_DEADLOCK = 1213;

	private static final int DEADLOCK_ATTEMPTS = 3;

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
	public static void copy(DatabaseServer server, TemplateDefinition definition, String clone, int connections)
			throws SQLException {
		fill(server, definition, clone, connections, (share) -> rowCopies(definition, clone, share));
	}

	/**
	 * Fill an existing empty schema with a definition's objects and rows that the given
	 * statements write.
	 * @param rows the statements that write the rows of a share of the tables, on one
	 * session
	 */
	static void fill(DatabaseServer server, TemplateDefinition definition, String clone, int connections,
			Function<List<Table>, List<String>> rows) throws SQLException {
		int parallel = Math.max(1, Math.min(connections, definition.tables().size() / MIN_TABLES_PER_CONNECTION));
		List<List<Table>> shares = split(definition.tables(), parallel);
		List<Connection> sessions = new ArrayList<>();
		try {
			for (int i = 0; i < parallel; i++) {
				sessions.add(prepare(server.open(clone)));
			}
			// Every table exists before any row is copied: MySQL 8 takes metadata locks
			// on the
			// tables a foreign key relates, so an insert into a child while another
			// session
			// creates its parent can deadlock.
			// Sequences before tables: a column's default may call one, and the server
			// checks it.
			executeAll(sessions.get(0), createStatements(definition, clone, definition.tables(), true));
			onEach(sessions, shares,
					(session, share) -> executeAll(session, createStatements(definition, clone, share, false)));
			onEach(sessions, shares, (session, share) -> executeAll(session, rows.apply(share)));
			Connection connection = sessions.get(0);
			// Routines first: a view that calls a stored function is checked against it
			// when
			// created (MariaDB answers 1305). Routine and trigger bodies are checked only
			// when
			// they run, so nothing they name has to exist yet.
			createWithSqlMode(connection, definition, clone, definition.routines());
			executeAll(connection,
					definition.views().stream().map((view) -> definition.retarget(view.ddl(), clone)).toList());
			createTriggers(connection, definition, clone, definition.triggers());
			createEvents(connection, definition, clone);
		}
		finally {
			for (Connection session : sessions) {
				session.close();
			}
		}
	}

	/**
	 * Fill an existing empty schema with a copy of another schema as it is now, its
	 * default character set and collation included; the source's sequences are
	 * {@link SequenceCache settled} first, so that the copy's give the values the
	 * source's give.
	 * @param server the server, to open connections of its own on
	 * @param connection a connection to read the source on
	 * @param source the schema to copy
	 * @param target the empty schema to fill
	 * @param connections how many connections to spread tables and rows over, at most
	 */
	public static void copyAsIs(DatabaseServer server, Connection connection, String source, String target,
			int connections) throws SQLException {
		SequenceCache.settle(connection, source);
		TemplateDefinition definition = TemplateDefinition.read(connection, source);
		takeDefaults(connection, definition, target);
		copy(server, definition, target, connections);
	}

	/**
	 * Give an empty schema the default character set and collation of the schema a
	 * definition was read from, before objects are created in it.
	 * @param connection the connection to do it on
	 * @param definition the source's objects
	 * @param schema the empty schema
	 */
	public static void takeDefaults(Connection connection, TemplateDefinition definition, String schema)
			throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER DATABASE " + Identifiers.quote(schema) + " CHARACTER SET "
					+ Identifiers.quote(definition.charset()) + " COLLATE "
					+ Identifiers.quote(definition.collation()));
		}
	}

	/**
	 * Set the session up for the copy: tables come in name order, not in foreign-key
	 * order, and rows are copied as they are, so checks would only repeat what the
	 * template passed; {@code NO_AUTO_VALUE_ON_ZERO} keeps a stored 0 in an
	 * {@code AUTO_INCREMENT} column a 0; objects are created in the {@link UtcSession
	 * UTC} they were read in.
	 */
	static Connection prepare(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET SESSION foreign_key_checks = 0, unique_checks = 0,"
					+ " sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO')");
			UtcSession.use(connection);
			writeHistory(connection);
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		return connection;
	}

	/**
	 * Return the statements that create tables, or only sequences, in a clone: a column's
	 * default that calls a sequence names it with the template's schema.
	 */
	private static List<String> createStatements(TemplateDefinition definition, String clone, List<Table> tables,
			boolean sequences) {
		return tables.stream()
			.filter((table) -> (table.kind() == Kind.SEQUENCE) == sequences)
			.map((table) -> definition.retarget(table.ddl(), clone))
			.toList();
	}

	/**
	 * Let a session write the history of system-versioned tables, period columns
	 * included: MariaDB 10.11+ (a template with such rows is refused on older servers);
	 * MySQL has none.
	 */
	static void writeHistory(Connection connection) throws SQLException {
		TemplateDefinition.setIfKnown(connection, "system_versioning_insert_history = ON");
	}

	private static List<String> rowCopies(TemplateDefinition definition, String clone, List<Table> tables) {
		return tables.stream().filter(Table::hasRows).map((table) -> rowCopy(definition, clone, table)).toList();
	}

	/**
	 * Return the statement that copies a table's rows from the template into a clone:
	 * with a system-versioned table's history, under
	 * {@code system_versioning_insert_history}; a sequence's one row, which replaces the
	 * clone's.
	 * @param definition the template's objects
	 * @param clone the clone
	 * @param table the table
	 * @return the {@code INSERT … SELECT}
	 */
	static String rowCopy(TemplateDefinition definition, String clone, Table table) {
		String columns = table.columnList();
		return "INSERT INTO " + Identifiers.quote(clone) + "." + Identifiers.quoteExisting(table.name()) + " ("
				+ columns + ") SELECT " + columns + " FROM " + table.rows(definition.template());
	}

	/**
	 * Run one share of the work on each session at once, the first on the calling thread,
	 * and wait for all of them.
	 */
	static <T> void onEach(List<Connection> sessions, List<List<T>> shares, ShareWork<T> work) throws SQLException {
		List<Future<Void>> others = new ArrayList<>();
		for (int i = 1; i < sessions.size(); i++) {
			Connection session = sessions.get(i);
			List<T> share = shares.get(i);
			others.add(executor.submit(() -> {
				work.run(session, share);
				return null;
			}));
		}
		try {
			work.run(sessions.get(0), shares.get(0));
		}
		finally {
			await(others);
		}
	}

	/**
	 * Send statements in one batch, and send again those that the server chose as the
	 * victim of a deadlock: each statement runs in a transaction of its own, so a victim
	 * left nothing behind.
	 */
	static void executeAll(Connection connection, List<String> sql) throws SQLException {
		List<String> pending = sql;
		try (Statement statement = connection.createStatement()) {
			for (int attempt = 1; !pending.isEmpty(); attempt++) {
				for (String one : pending) {
					statement.addBatch(one);
				}
				try {
					statement.executeBatch();
					return;
				}
				catch (BatchUpdateException ex) {
					statement.clearBatch();
					if (attempt == DEADLOCK_ATTEMPTS || !isDeadlock(ex)) {
						throw ex;
					}
					pending = notDone(pending, ex.getUpdateCounts());
				}
			}
		}
	}

	static boolean isDeadlock(SQLException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == ER_LOCK_DEADLOCK) {
				return true;
			}
		}
		return false;
	}

	private static List<String> notDone(List<String> sent, int[] counts) {
		List<String> rest = new ArrayList<>();
		for (int i = 0; i < sent.size(); i++) {
			if (i >= counts.length || counts[i] == Statement.EXECUTE_FAILED) {
				rest.add(sent.get(i));
			}
		}
		return rest;
	}

	private static void await(List<Future<Void>> copies) throws SQLException {
		for (Future<Void> copy : copies) {
			try {
				copy.get();
			}
			catch (ExecutionException ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				if (cause instanceof SQLException sql) {
					throw sql;
				}
				throw new SchemaCloneException("Copying tables failed: " + cause.getMessage(), cause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SchemaCloneException("Interrupted while copying tables", ex);
			}
		}
	}

	/**
	 * Create the events, each under the time zone it was created in (it gives its
	 * schedule's times their meaning). They come disabled, as the template's are after
	 * its build: a clone, like its template, changes only when a test changes it.
	 */
	private static void createEvents(Connection connection, TemplateDefinition definition, String clone)
			throws SQLException {
		try (PreparedStatement zone = connection.prepareStatement("SET SESSION time_zone = ?")) {
			for (Event event : definition.events()) {
				zone.setString(1, event.timeZone());
				zone.execute();
				createWithSqlMode(connection, definition, clone, List.of(event.object()));
			}
		}
	}

	/**
	 * Create triggers, each under the {@code sql_mode} it was created in.
	 * @param connection the connection to create them on
	 * @param definition the template's objects
	 * @param clone the clone
	 * @param triggers the triggers, in their action order
	 */
	static void createTriggers(Connection connection, TemplateDefinition definition, String clone,
			List<Trigger> triggers) throws SQLException {
		createWithSqlMode(connection, definition, clone, triggers.stream().map(Trigger::object).toList());
	}

	/**
	 * Create objects, each under the {@code sql_mode} it was created in, and give the
	 * session its own back after.
	 */
	private static void createWithSqlMode(Connection connection, TemplateDefinition definition, String clone,
			List<SqlObject> objects) throws SQLException {
		if (objects.isEmpty()) {
			return;
		}
		try (PreparedStatement mode = connection.prepareStatement("SET SESSION sql_mode = ?");
				Statement statement = connection.createStatement()) {
			statement.execute("SET @schemaclone_sql_mode = @@SESSION.sql_mode");
			try {
				for (SqlObject object : objects) {
					mode.setString(1, object.sqlMode());
					mode.execute();
					statement.execute(definition.retarget(object.ddl(), clone));
				}
			}
			finally {
				statement.execute("SET SESSION sql_mode = @schemaclone_sql_mode");
			}
		}
	}

	/**
	 * Deal items round-robin into a number of shares.
	 */
	static <T> List<List<T>> split(List<T> items, int count) {
		List<List<T>> shares = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			shares.add(new ArrayList<>());
		}
		for (int i = 0; i < items.size(); i++) {
			shares.get(i % count).add(items.get(i));
		}
		return shares;
	}

	@FunctionalInterface
	interface ShareWork<T> {

		void run(Connection session, List<T> share) throws SQLException;

	}

}
