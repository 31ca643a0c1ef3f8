package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import dev.schemaclone.internal.server.Identifiers;

/**
 * A digest of every object a schema holds, from {@code information_schema} in one
 * expression: the schema's defaults, tables and their options, columns, indexes,
 * constraints, foreign keys and their columns, partitions, views, routines and their
 * parameters, triggers and events. The schema's own name is replaced in every value by a
 * byte no name holds, so a pristine clone has its template's digest, and a value that
 * gains the clone's name differs. Each view is summed by {@link MultisetDigest}: no two
 * changes cancel.
 *
 * Some facts exist on one server only, and are read where the server has them: an index's
 * {@code EXPRESSION} (MySQL's functional indexes) and {@code IS_VISIBLE} (MySQL) or
 * {@code IGNORED} (MariaDB 10.6+), a check constraint's {@code TABLE_NAME} and
 * {@code LEVEL} (MariaDB), a constraint's {@code ENFORCED} (MySQL, in
 * {@code TABLE_CONSTRAINTS}, which is read only there: on MariaDB it shows nothing that
 * {@code STATISTICS} and {@code CHECK_CONSTRAINTS} do not, and filtered by
 * {@code CONSTRAINT_SCHEMA} it reads every schema of the server).
 */
final class CatalogDigest {

	/**
	 * Per view: the column naming the schema, then the facts wanted of each object, in
	 * order. The first is the one MariaDB looks a schema up by: a view filtered by
	 * another column is filled from every schema of the server, at a cost that grows with
	 * the clones on it.
	 */
	private static final Map<String, List<String>> WANTED = new LinkedHashMap<>();

	/** Facts without which a view is not read at all. */
	private static final Map<String, String> REQUIRED = Map.of("TABLE_CONSTRAINTS", "ENFORCED");

	static {
		WANTED.put("SCHEMATA", List.of("SCHEMA_NAME", "DEFAULT_CHARACTER_SET_NAME", "DEFAULT_COLLATION_NAME",
				"SCHEMA_COMMENT", "DEFAULT_ENCRYPTION"));
		WANTED.put("TABLES", List.of("TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE", "ENGINE", "ROW_FORMAT",
				"TABLE_COLLATION", "CREATE_OPTIONS", "TABLE_COMMENT"));
		WANTED.put("COLUMNS",
				List.of("TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION", "COLUMN_DEFAULT",
						"IS_NULLABLE", "COLUMN_TYPE", "CHARACTER_SET_NAME", "COLLATION_NAME", "EXTRA", "COLUMN_COMMENT",
						"GENERATION_EXPRESSION", "IS_GENERATED", "IS_SYSTEM_TIME_PERIOD_START",
						"IS_SYSTEM_TIME_PERIOD_END", "SRS_ID"));
		WANTED.put("STATISTICS",
				List.of("TABLE_SCHEMA", "TABLE_NAME", "INDEX_NAME", "SEQ_IN_INDEX", "COLUMN_NAME", "NON_UNIQUE",
						"SUB_PART", "INDEX_TYPE", "COLLATION", "INDEX_COMMENT", "EXPRESSION", "IS_VISIBLE", "IGNORED"));
		WANTED.put("TABLE_CONSTRAINTS",
				List.of("CONSTRAINT_SCHEMA", "TABLE_NAME", "CONSTRAINT_NAME", "CONSTRAINT_TYPE", "ENFORCED"));
		WANTED.put("CHECK_CONSTRAINTS",
				List.of("CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "CHECK_CLAUSE", "TABLE_NAME", "LEVEL"));
		WANTED.put("REFERENTIAL_CONSTRAINTS", List.of("CONSTRAINT_SCHEMA", "TABLE_NAME", "CONSTRAINT_NAME",
				"REFERENCED_TABLE_NAME", "UNIQUE_CONSTRAINT_NAME", "MATCH_OPTION", "UPDATE_RULE", "DELETE_RULE"));
		// The columns of keys: a foreign key moved to another indexed column shows
		// nowhere else.
		WANTED.put("KEY_COLUMN_USAGE",
				List.of("TABLE_SCHEMA", "TABLE_NAME", "CONSTRAINT_NAME", "COLUMN_NAME", "ORDINAL_POSITION",
						"POSITION_IN_UNIQUE_CONSTRAINT", "REFERENCED_TABLE_SCHEMA", "REFERENCED_TABLE_NAME",
						"REFERENCED_COLUMN_NAME"));
		WANTED.put("PARTITIONS",
				List.of("TABLE_SCHEMA", "TABLE_NAME", "PARTITION_NAME", "SUBPARTITION_NAME",
						"PARTITION_ORDINAL_POSITION", "SUBPARTITION_ORDINAL_POSITION", "PARTITION_METHOD",
						"SUBPARTITION_METHOD", "PARTITION_EXPRESSION", "SUBPARTITION_EXPRESSION",
						"PARTITION_DESCRIPTION", "PARTITION_COMMENT"));
		WANTED.put("VIEWS",
				List.of("TABLE_SCHEMA", "TABLE_NAME", "CHECK_OPTION", "SECURITY_TYPE", "ALGORITHM", "VIEW_DEFINITION"));
		// MariaDB's DTD_IDENTIFIER leaves out the character set, which CHARACTER_SET_NAME
		// tells.
		WANTED.put("ROUTINES",
				List.of("ROUTINE_SCHEMA", "ROUTINE_NAME", "ROUTINE_TYPE", "DTD_IDENTIFIER", "CHARACTER_SET_NAME",
						"COLLATION_NAME", "ROUTINE_BODY", "IS_DETERMINISTIC", "SQL_DATA_ACCESS", "SECURITY_TYPE",
						"SQL_MODE", "ROUTINE_COMMENT", "ROUTINE_DEFINITION"));
		WANTED.put("PARAMETERS", List.of("SPECIFIC_SCHEMA", "SPECIFIC_NAME", "ROUTINE_TYPE", "ORDINAL_POSITION",
				"PARAMETER_MODE", "PARAMETER_NAME", "DTD_IDENTIFIER", "CHARACTER_SET_NAME", "COLLATION_NAME"));
		// A trigger's schema is its table's; only EVENT_OBJECT_SCHEMA makes MariaDB read
		// one schema (TRIGGER_SCHEMA reads every table of the server).
		WANTED.put("TRIGGERS",
				List.of("EVENT_OBJECT_SCHEMA", "TRIGGER_NAME", "EVENT_OBJECT_TABLE", "EVENT_MANIPULATION",
						"ACTION_TIMING", "ACTION_ORDER", "ACTION_ORIENTATION", "SQL_MODE", "ACTION_STATEMENT"));
		WANTED.put("EVENTS",
				List.of("EVENT_SCHEMA", "EVENT_NAME", "STATUS", "EVENT_TYPE", "EXECUTE_AT", "INTERVAL_VALUE",
						"INTERVAL_FIELD", "STARTS", "ENDS", "ON_COMPLETION", "TIME_ZONE", "SQL_MODE", "EVENT_COMMENT",
						"EVENT_DEFINITION"));
	}

	/**
	 * Per view this server has: the schema column, then the facts it has of those wanted.
	 */
	private final Map<String, List<String>> columns;

	CatalogDigest(Map<String, List<String>> columns) {
		this.columns = columns;
	}

	/**
	 * Return, per view this server has, the schema column, then the facts it has of those
	 * wanted: all a digest is, kept with a template's {@link CloneCheck}.
	 */
	Map<String, List<String>> columns() {
		return this.columns;
	}

	/**
	 * Return the digest for the server a connection is on, with the facts that server
	 * has.
	 * @param connection a connection to the server
	 * @return the digest
	 */
	static CatalogDigest forServer(Connection connection) throws SQLException {
		Set<String> present = new HashSet<>();
		for (String[] row : TemplateDefinition.rows(connection,
				"SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'information_schema'",
				1, 2)) {
			present.add(row[0].toUpperCase() + "." + row[1].toUpperCase());
		}
		Map<String, List<String>> columns = new LinkedHashMap<>();
		WANTED.forEach((view, wanted) -> {
			String required = REQUIRED.get(view);
			if (present.contains(view + "." + wanted.get(0))
					&& (required == null || present.contains(view + "." + required))) {
				List<String> had = new ArrayList<>();
				wanted.stream().filter((column) -> present.contains(view + "." + column)).forEach(had::add);
				columns.put(view, List.copyOf(had));
			}
		});
		return new CatalogDigest(columns);
	}

	/**
	 * Return the digest of one schema as a scalar SQL expression.
	 * @param schema the schema, a name schemaclone gave
	 * @return the expression
	 */
	String expression(String schema) {
		String literal = Identifiers.literal(schema);
		StringJoiner views = new StringJoiner(", ", "CONCAT_WS(',', ", ")");
		this.columns.forEach((view, columns) -> {
			List<String> values = new ArrayList<>();
			for (String column : columns.subList(1, columns.size())) {
				// Binary, so that columns of different collations concatenate on MySQL
				// too.
				values.add("REPLACE(CAST(" + column + " AS BINARY), CAST(" + literal + " AS BINARY), UNHEX('00'))");
			}
			String from = "FROM information_schema." + view + " WHERE " + columns.get(0) + " = " + literal;
			views.add("CONCAT('" + view + ":', " + MultisetDigest.of(values, from) + ")");
		});
		return views.toString();
	}

}
