package dev.schemaclone.internal.copy;

import java.util.Map;
import java.util.StringJoiner;

import dev.schemaclone.internal.server.Identifiers;

/**
 * A digest of every object a schema holds, from {@code information_schema} in one expression:
 * tables and their options, columns, indexes, constraints, foreign keys, views, routines,
 * triggers and events. The schema's own name is taken out of definitions, so a pristine clone
 * has its template's digest, and a clone that a test changed (a column added, an index
 * dropped, a table or routine created) has another.
 */
final class CatalogDigest {

	/** What each view says of an object; definitions last, they may name the schema. */
	private static final Map<String, String[]> CATALOG = Map.of(
			"TABLES", new String[] { "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE", "ENGINE", "ROW_FORMAT", "TABLE_COLLATION",
					"CREATE_OPTIONS", "TABLE_COMMENT" },
			"COLUMNS", new String[] { "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION", "COLUMN_DEFAULT",
					"IS_NULLABLE", "COLUMN_TYPE", "COLLATION_NAME", "EXTRA", "COLUMN_COMMENT", "GENERATION_EXPRESSION" },
			"STATISTICS", new String[] { "TABLE_SCHEMA", "TABLE_NAME", "INDEX_NAME", "SEQ_IN_INDEX", "COLUMN_NAME",
					"NON_UNIQUE", "SUB_PART", "INDEX_TYPE" },
			// Primary and unique keys show in STATISTICS; TABLE_CONSTRAINTS would repeat them
			// at several times the cost on MariaDB.
			"CHECK_CONSTRAINTS", new String[] { "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "CHECK_CLAUSE" },
			"REFERENTIAL_CONSTRAINTS", new String[] { "CONSTRAINT_SCHEMA", "TABLE_NAME", "CONSTRAINT_NAME",
					"REFERENCED_TABLE_NAME", "UNIQUE_CONSTRAINT_NAME", "UPDATE_RULE", "DELETE_RULE" },
			"VIEWS", new String[] { "TABLE_SCHEMA", "TABLE_NAME", "CHECK_OPTION", "SECURITY_TYPE", "VIEW_DEFINITION" },
			"ROUTINES", new String[] { "ROUTINE_SCHEMA", "ROUTINE_NAME", "ROUTINE_TYPE", "SQL_MODE", "ROUTINE_DEFINITION" },
			"TRIGGERS", new String[] { "TRIGGER_SCHEMA", "TRIGGER_NAME", "EVENT_OBJECT_TABLE", "EVENT_MANIPULATION",
					"ACTION_TIMING", "ACTION_ORDER", "ACTION_STATEMENT" },
			"EVENTS", new String[] { "EVENT_SCHEMA", "EVENT_NAME", "STATUS", "EVENT_TYPE", "INTERVAL_VALUE", "INTERVAL_FIELD",
					"EVENT_DEFINITION" });

	private CatalogDigest() {
	}

	/**
	 * Return the digest of one schema as an SQL expression, for a query that asks more in the
	 * same round trip: per view, the number of rows and an order-free checksum of them.
	 * @param schema the schema, a name schemaclone gave
	 * @return the expression
	 */
	static String expression(String schema) {
		String literal = Identifiers.literal(schema);
		StringJoiner views = new StringJoiner(", ", "CONCAT_WS(',', ", ")");
		CATALOG.forEach((view, columns) -> {
			// Binary, so that columns of different collations concatenate on MySQL too.
			StringJoiner row = new StringJoiner(", ", "CONCAT_WS('|', ", ")");
			for (int i = 1; i < columns.length; i++) {
				row.add("REPLACE(CAST(" + columns[i] + " AS BINARY), CAST(" + literal + " AS BINARY), '')");
			}
			views.add("(SELECT CONCAT('" + view + ":', COUNT(*), '/', COALESCE(BIT_XOR(CRC32(" + row
					+ ")), 0)) FROM information_schema." + view + " WHERE " + columns[0] + " = " + literal + ")");
		});
		return views.toString();
	}

}
