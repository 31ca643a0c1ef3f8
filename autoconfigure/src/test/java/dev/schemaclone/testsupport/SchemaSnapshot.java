package dev.schemaclone.testsupport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything {@code information_schema} says about one schema, with the schema's own name
 * replaced by a placeholder, plus row counts (of a system-versioned table's history too)
 * and checksums, and each sequence's definition and row: two schemas with equal snapshots
 * cannot be told apart. An {@link #exact(Connection, String) exact} snapshot adds every
 * row and every object's {@code SHOW CREATE} text, for tests that must not trust
 * checksums.
 */
public final class SchemaSnapshot {

	private static final Map<String, String> QUERIES = new LinkedHashMap<>();

	static {
		QUERIES.put("tables",
				"SELECT TABLE_NAME, TABLE_TYPE, ENGINE, ROW_FORMAT, TABLE_COLLATION, CREATE_OPTIONS, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY 1");
		QUERIES.put("columns",
				"SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_DEFAULT, IS_NULLABLE, COLUMN_TYPE, CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_KEY, EXTRA, COLUMN_COMMENT, GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY 1, 3");
		QUERIES.put("statistics",
				"SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, NULLABLE, INDEX_COMMENT FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY 1, 2, 3");
		QUERIES.put("table_constraints",
				"SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY 1, 2, 3");
		QUERIES.put("referential_constraints",
				"SELECT TABLE_NAME, CONSTRAINT_NAME, UNIQUE_CONSTRAINT_SCHEMA, UNIQUE_CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE, REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY 1, 2");
		QUERIES.put("key_column_usage",
				"SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION, POSITION_IN_UNIQUE_CONSTRAINT, REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? ORDER BY 1, 2, 4");
		QUERIES.put("check_constraints",
				"SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY 1, 2");
		QUERIES.put("views",
				"SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, IS_UPDATABLE, SECURITY_TYPE FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY 1");
		QUERIES.put("triggers",
				"SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_ORDER, ACTION_STATEMENT, ACTION_TIMING, SQL_MODE FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY 1");
		QUERIES.put("routines",
				"SELECT ROUTINE_NAME, ROUTINE_TYPE, DATA_TYPE, ROUTINE_DEFINITION, IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE, SQL_MODE, ROUTINE_COMMENT FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? ORDER BY 1, 2");
		QUERIES.put("parameters",
				"SELECT SPECIFIC_NAME, ORDINAL_POSITION, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ? ORDER BY 1, 2");
		QUERIES.put("events",
				"SELECT EVENT_NAME, EVENT_DEFINITION, EVENT_TYPE, INTERVAL_VALUE, INTERVAL_FIELD, STATUS, ON_COMPLETION, SQL_MODE FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY 1");
		QUERIES.put("partitions",
				"SELECT TABLE_NAME, PARTITION_NAME, PARTITION_ORDINAL_POSITION, PARTITION_METHOD, PARTITION_EXPRESSION, PARTITION_DESCRIPTION FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL ORDER BY 1, 3");
	}

	/**
	 * {@code ER_UNKNOWN_SYSTEM_VARIABLE}: MariaDB has no
	 * {@code information_schema_stats_expiry}.
	 */
	private static final int UNKNOWN_SYSTEM_VARIABLE = 1193;

	private final Map<String, List<String>> facts;

	private SchemaSnapshot(Map<String, List<String>> facts) {
		this.facts = facts;
	}

	/**
	 * Read a schema.
	 * @param connection a connection to the server
	 * @param schema the schema
	 * @return its snapshot
	 */
	public static SchemaSnapshot of(Connection connection, String schema) throws SQLException {
		Map<String, List<String>> facts = new LinkedHashMap<>();
		for (Map.Entry<String, String> query : QUERIES.entrySet()) {
			facts.put(query.getKey(), rows(connection, query.getValue(), schema));
		}
		List<String> tables = new ArrayList<>();
		List<String> createTables = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			for (String row : facts.get("tables")) {
				String table = row.split("\\|")[0];
				String quoted = "`" + schema + "`.`" + table + "`";
				if (row.contains("|SEQUENCE|")) {
					// The definition, and the one row: next value, bounds, increment,
					// cache, cycle.
					createTables.add(showCreate(statement, "SEQUENCE", quoted));
					try (ResultSet sequence = statement.executeQuery("SELECT * FROM " + quoted)) {
						sequence.next();
						StringBuilder values = new StringBuilder(table).append(' ');
						for (int i = 1; i <= sequence.getMetaData().getColumnCount(); i++) {
							values.append(sequence.getString(i)).append('|');
						}
						tables.add(values.toString());
					}
				}
				else if (row.contains("|BASE TABLE|") || row.contains("|SYSTEM VERSIONED|")) {
					String history = row.contains("|SYSTEM VERSIONED|") ? " FOR SYSTEM_TIME ALL" : "";
					try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + quoted + history)) {
						count.next();
						tables.add(table + " rows=" + count.getLong(1));
					}
					try (ResultSet checksum = statement.executeQuery("CHECKSUM TABLE " + quoted)) {
						checksum.next();
						tables.add(table + " checksum=" + checksum.getString(2));
					}
					createTables.add(showCreate(statement, "TABLE", quoted));
				}
			}
		}
		facts.put("rows", tables);
		facts.put("show_create_table", createTables);
		return new SchemaSnapshot(normalise(facts, schema));
	}

	private static String showCreate(Statement statement, String kind, String quoted) throws SQLException {
		try (ResultSet create = statement.executeQuery("SHOW CREATE " + kind + " " + quoted)) {
			create.next();
			return create.getString(2);
		}
	}

	/**
	 * Read a schema down to its last byte: what {@link #of(Connection, String)} reads,
	 * plus each table's {@code AUTO_INCREMENT} from live statistics, every row of every
	 * base table (duplicates counted, values as the server's bytes, in a fixed order),
	 * and the {@code SHOW CREATE} text of every view, trigger, routine and event.
	 * @param connection a connection to the server
	 * @param schema the schema
	 * @return its snapshot
	 */
	public static SchemaSnapshot exact(Connection connection, String schema) throws SQLException {
		liveStatistics(connection);
		Map<String, List<String>> facts = new LinkedHashMap<>(of(connection, schema).facts);
		facts.put("auto_increment", rows(connection,
				"SELECT TABLE_NAME, AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY 1",
				schema));
		Map<String, List<String>> definitions = new LinkedHashMap<>();
		definitions.put("show_create_view", showCreate(connection, schema, "VIEW",
				"SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY 1", 2));
		// Column 3 is the trigger as written, without the creation time the other columns
		// hold.
		definitions.put("show_create_trigger", showCreate(connection, schema, "TRIGGER",
				"SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY 1", 2, 3));
		definitions.put("show_create_procedure", showCreate(connection, schema, "PROCEDURE",
				"SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE = 'PROCEDURE' ORDER BY 1",
				2, 3));
		definitions.put("show_create_function", showCreate(connection, schema, "FUNCTION",
				"SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE = 'FUNCTION' ORDER BY 1",
				2, 3));
		definitions.put("show_create_event", showCreate(connection, schema, "EVENT",
				"SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY 1", 2, 3, 4));
		facts.putAll(normalise(definitions, schema));
		facts.put("row_content", rowContent(connection, schema));
		return new SchemaSnapshot(facts);
	}

	/**
	 * Make {@code information_schema.TABLES} tell live {@code AUTO_INCREMENT} values:
	 * MySQL 8 caches them for a day by default; MariaDB caches none and does not know the
	 * variable.
	 */
	private static void liveStatistics(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET SESSION information_schema_stats_expiry = 0");
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() != UNKNOWN_SYSTEM_VARIABLE) {
				throw ex;
			}
		}
	}

	private static List<String> showCreate(Connection connection, String schema, String kind, String names,
			int... columns) throws SQLException {
		List<String> definitions = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			for (String name : rows(connection, names, schema)) {
				String object = name.substring(0, name.length() - 1);
				try (ResultSet show = statement
					.executeQuery("SHOW CREATE " + kind + " " + quote(schema) + "." + quote(object))) {
					show.next();
					StringBuilder definition = new StringBuilder(object).append('|');
					for (int column : columns) {
						definition.append(show.getString(column)).append('|');
					}
					definitions.add(definition.toString());
				}
			}
		}
		return definitions;
	}

	/**
	 * Return every row of every base table, as {@code table: value, value, …}. Values are
	 * read as the server's bytes, floating-point ones through {@code DOUBLE} (a
	 * {@code FLOAT} prints too few digits to show a change of one ulp), and each table's
	 * rows are sorted here: {@code ORDER BY} under a case-insensitive collation may order
	 * equal keys differently in two schemas.
	 */
	private static List<String> rowContent(Connection connection, String schema) throws SQLException {
		Map<String, List<String>> expressions = new LinkedHashMap<>();
		Set<String> versioned = new HashSet<>();
		Set<String> explicitPeriods = new HashSet<>();
		try (PreparedStatement columns = connection.prepareStatement("SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE,"
				+ " t.TABLE_TYPE, c.GENERATION_EXPRESSION FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
				+ " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME WHERE c.TABLE_SCHEMA = ?"
				+ " AND t.TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED', 'SEQUENCE') ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION")) {
			columns.setString(1, schema);
			try (ResultSet result = columns.executeQuery()) {
				while (result.next()) {
					String table = result.getString(1);
					String column = quote(result.getString(2));
					String type = result.getString(3);
					expressions.computeIfAbsent(table, (key) -> new ArrayList<>())
						.add(("float".equals(type) || "double".equals(type))
								? "CAST(CAST(" + column + " AS DOUBLE) AS CHAR)" : "CAST(" + column + " AS BINARY)");
					if ("SYSTEM VERSIONED".equals(result.getString(4))) {
						versioned.add(table);
					}
					if ("ROW START".equals(result.getString(5))) {
						explicitPeriods.add(table);
					}
				}
			}
		}
		// MariaDB's system-versioned tables: every row of their history, with the
		// implicit
		// period columns where they name none.
		for (String table : versioned) {
			if (!explicitPeriods.contains(table)) {
				expressions.get(table).addAll(List.of("CAST(ROW_START AS BINARY)", "CAST(ROW_END AS BINARY)"));
			}
		}
		List<String> content = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			for (Map.Entry<String, List<String>> table : expressions.entrySet()) {
				List<String> rows = new ArrayList<>();
				try (ResultSet result = statement.executeQuery("SELECT " + String.join(", ", table.getValue())
						+ " FROM " + quote(schema) + "." + quote(table.getKey())
						+ (versioned.contains(table.getKey()) ? " FOR SYSTEM_TIME ALL" : ""))) {
					int count = table.getValue().size();
					while (result.next()) {
						StringBuilder row = new StringBuilder(table.getKey()).append(':');
						for (int i = 1; i <= count; i++) {
							row.append(' ').append(literal(result.getBytes(i))).append((i < count) ? "," : "");
						}
						rows.add(row.toString());
					}
				}
				rows.sort(null);
				content.addAll(rows);
			}
		}
		return content;
	}

	/**
	 * Return a value as a quoted string when it is printable UTF-8, else as hexadecimal,
	 * so that NULL, an empty string and bytes that merely look alike stay apart.
	 */
	private static String literal(byte[] value) {
		if (value == null) {
			return "NULL";
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(value))
				.toString();
			if (text.codePoints().noneMatch(Character::isISOControl)) {
				return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
			}
		}
		catch (CharacterCodingException ex) {
			// Not text: shown as bytes below.
		}
		return "0x" + HexFormat.of().formatHex(value);
	}

	private static String quote(String identifier) {
		return "`" + identifier.replace("`", "``") + "`";
	}

	/**
	 * Return the first fact in which this snapshot differs from another, or {@code null}
	 * when they are equal.
	 * @param expected the snapshot this one should equal
	 * @return the kind of fact, its position, and the expected and actual text there
	 */
	public String firstDifference(SchemaSnapshot expected) {
		for (Map.Entry<String, List<String>> kind : expected.facts.entrySet()) {
			List<String> wanted = kind.getValue();
			List<String> actual = this.facts.getOrDefault(kind.getKey(), List.of());
			for (int i = 0; i < Math.max(wanted.size(), actual.size()); i++) {
				String want = (i < wanted.size()) ? wanted.get(i) : "<nothing>";
				String got = (i < actual.size()) ? actual.get(i) : "<nothing>";
				if (!want.equals(got)) {
					return "%s[%d] (%d expected, %d actual): expected <%s> but was <%s>".formatted(kind.getKey(), i,
							wanted.size(), actual.size(), want, got);
				}
			}
		}
		return null;
	}

	public Map<String, List<String>> facts() {
		return this.facts;
	}

	/**
	 * Return the number of facts of one kind, such as {@code "referential_constraints"}.
	 */
	public int count(String kind) {
		return this.facts.get(kind).size();
	}

	private static List<String> rows(Connection connection, String sql, String schema) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, schema);
			try (ResultSet result = statement.executeQuery()) {
				ResultSetMetaData meta = result.getMetaData();
				while (result.next()) {
					StringBuilder row = new StringBuilder();
					for (int i = 1; i <= meta.getColumnCount(); i++) {
						row.append(result.getString(i)).append('|');
					}
					rows.add(row.toString());
				}
			}
		}
		return rows;
	}

	private static Map<String, List<String>> normalise(Map<String, List<String>> facts, String schema) {
		Map<String, List<String>> normalised = new LinkedHashMap<>();
		facts.forEach((kind, rows) -> normalised.put(kind,
				rows.stream().map((row) -> row.replace(schema, "<schema>")).toList()));
		return normalised;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SchemaSnapshot snapshot && this.facts.equals(snapshot.facts);
	}

	@Override
	public int hashCode() {
		return this.facts.hashCode();
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		this.facts.forEach((kind, rows) -> {
			text.append(kind).append(":\n");
			rows.forEach((row) -> text.append("  ").append(row).append('\n'));
		});
		return text.toString();
	}

}
