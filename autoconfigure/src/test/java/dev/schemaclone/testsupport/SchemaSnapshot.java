package dev.schemaclone.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code information_schema} says about one schema, with the schema's own name
 * replaced by a placeholder, plus row counts and checksums: two schemas with equal snapshots
 * cannot be told apart.
 */
public final class SchemaSnapshot {

	private static final Map<String, String> QUERIES = new LinkedHashMap<>();

	static {
		QUERIES.put("tables", "SELECT TABLE_NAME, TABLE_TYPE, ENGINE, ROW_FORMAT, TABLE_COLLATION, CREATE_OPTIONS, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY 1");
		QUERIES.put("columns", "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_DEFAULT, IS_NULLABLE, COLUMN_TYPE, CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_KEY, EXTRA, COLUMN_COMMENT, GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY 1, 3");
		QUERIES.put("statistics", "SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, NULLABLE, INDEX_COMMENT FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY 1, 2, 3");
		QUERIES.put("table_constraints", "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY 1, 2, 3");
		QUERIES.put("referential_constraints", "SELECT TABLE_NAME, CONSTRAINT_NAME, UNIQUE_CONSTRAINT_SCHEMA, UNIQUE_CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE, REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY 1, 2");
		QUERIES.put("key_column_usage", "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION, POSITION_IN_UNIQUE_CONSTRAINT, REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? ORDER BY 1, 2, 4");
		QUERIES.put("check_constraints", "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY 1, 2");
		QUERIES.put("views", "SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, IS_UPDATABLE, SECURITY_TYPE FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY 1");
		QUERIES.put("triggers", "SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_ORDER, ACTION_STATEMENT, ACTION_TIMING, SQL_MODE FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY 1");
		QUERIES.put("routines", "SELECT ROUTINE_NAME, ROUTINE_TYPE, DATA_TYPE, ROUTINE_DEFINITION, IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE, SQL_MODE, ROUTINE_COMMENT FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? ORDER BY 1, 2");
		QUERIES.put("parameters", "SELECT SPECIFIC_NAME, ORDINAL_POSITION, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ? ORDER BY 1, 2");
		QUERIES.put("events", "SELECT EVENT_NAME, EVENT_DEFINITION, EVENT_TYPE, INTERVAL_VALUE, INTERVAL_FIELD, STATUS, ON_COMPLETION, SQL_MODE FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? ORDER BY 1");
		QUERIES.put("partitions", "SELECT TABLE_NAME, PARTITION_NAME, PARTITION_ORDINAL_POSITION, PARTITION_METHOD, PARTITION_EXPRESSION, PARTITION_DESCRIPTION FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL ORDER BY 1, 3");
	}

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
				if (row.contains("|BASE TABLE|")) {
					String quoted = "`" + schema + "`.`" + table + "`";
					try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + quoted)) {
						count.next();
						tables.add(table + " rows=" + count.getLong(1));
					}
					try (ResultSet checksum = statement.executeQuery("CHECKSUM TABLE " + quoted)) {
						checksum.next();
						tables.add(table + " checksum=" + checksum.getString(2));
					}
					try (ResultSet create = statement.executeQuery("SHOW CREATE TABLE " + quoted)) {
						create.next();
						createTables.add(create.getString(2));
					}
				}
			}
		}
		facts.put("rows", tables);
		facts.put("show_create_table", createTables);
		return new SchemaSnapshot(normalise(facts, schema));
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
