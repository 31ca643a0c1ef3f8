package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.schemaclone.internal.copy.TemplateDefinition.Kind;
import dev.schemaclone.internal.server.Identifiers;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * The views, tables and sequences a schema lists in {@code information_schema.TABLES},
 * each of a kind and engine a clone reproduces, or an error naming the first that it
 * cannot: nothing a clone would leave out or copy differently passes silently.
 *
 * @param views the views' names
 * @param tables the tables' and sequences' names with their kinds, in name order
 * @param defaultPageChecksums the Aria tables created without a {@code PAGE_CHECKSUM}
 */
record ObjectListing(List<String> views, Map<String, Kind> tables, Set<String> defaultPageChecksums) {

	/**
	 * The {@code PAGE_CHECKSUM} that {@code SHOW CREATE TABLE} prints, from the server's
	 * default, for an Aria table created without one.
	 */
	private static final Pattern PRINTED_PAGE_CHECKSUM = Pattern
		.compile("(\\n\\) ENGINE=Aria[^\\n]*?) PAGE_CHECKSUM=[01]");

	/**
	 * Engines whose tables {@code SHOW CREATE TABLE} and {@code INSERT … SELECT}
	 * reproduce with their rows. Others are refused: a {@code MRG_MYISAM} (MERGE) or
	 * {@code FEDERATED}, {@code CONNECT} or {@code SPIDER} table shows rows that live in
	 * other tables, which a clone would share or copy twice; {@code S3} is read-only; an
	 * unknown engine is not trusted.
	 */
	private static final Set<String> COPIED_ENGINES = Set.of("INNODB", "MYISAM", "ARIA", "MEMORY", "CSV", "ARCHIVE",
			"BLACKHOLE");

	static ObjectListing read(Connection connection, String template) throws SQLException {
		List<String> views = new ArrayList<>();
		Map<String, Kind> tables = new LinkedHashMap<>();
		Set<String> defaultPageChecksums = new HashSet<>();
		// SHOW FULL TABLES cannot tell a system-versioned table: it calls it a BASE
		// TABLE.
		for (String[] row : TemplateDefinition.rows(connection,
				"SELECT TABLE_NAME, TABLE_TYPE, ENGINE, CREATE_OPTIONS FROM information_schema.TABLES"
						+ " WHERE TABLE_SCHEMA = '" + template + "' ORDER BY TABLE_NAME",
				1, 2, 3, 4)) {
			if ("VIEW".equals(row[1])) {
				views.add(row[0]);
				continue;
			}
			Kind kind = kind(template, row[0], row[1]);
			if (row[2] == null || !COPIED_ENGINES.contains(row[2].toUpperCase(Locale.ROOT))) {
				throw new SchemaCloneException(
						("Cannot clone template '%s': table '%s' uses the %s engine, whose rows a copy cannot"
								+ " reproduce (schemaclone copies InnoDB, MyISAM, Aria, MEMORY, CSV, ARCHIVE and BLACKHOLE tables). Use one of"
								+ " those in the migrations, or create this table outside them")
							.formatted(template, row[0], row[2]));
			}
			tables.put(row[0], kind);
			if ("ARIA".equalsIgnoreCase(row[2]) && (row[3] == null || !row[3].contains("page_checksum="))) {
				defaultPageChecksums.add(row[0]);
			}
		}
		return new ObjectListing(List.copyOf(views), tables, Set.copyOf(defaultPageChecksums));
	}

	/**
	 * Return the statement that creates a table or sequence as the schema holds it: its
	 * {@code SHOW CREATE} text, without the {@code PAGE_CHECKSUM} printed for an Aria
	 * table created without one, which a copy would otherwise set explicitly (its
	 * {@code CREATE_OPTIONS} would then differ), leaving it to the same server default.
	 * @param connection a connection to the server
	 * @param schema the schema
	 * @param table one of its tables
	 * @return the statement
	 */
	String createStatement(Connection connection, String schema, String table) throws SQLException {
		String ddl = TemplateDefinition
			.rows(connection,
					"SHOW CREATE " + this.tables.getOrDefault(table, Kind.TABLE).keyword() + " "
							+ Identifiers.quote(schema) + "." + Identifiers.quoteExisting(table),
					2)
			.get(0)[0];
		return this.defaultPageChecksums.contains(table) ? PRINTED_PAGE_CHECKSUM.matcher(ddl).replaceFirst("$1") : ddl;
	}

	static Kind kind(String template, String table, String type) {
		return switch (type) {
			case "BASE TABLE" -> Kind.TABLE;
			// Both MariaDB only.
			case "SYSTEM VERSIONED" -> Kind.SYSTEM_VERSIONED;
			case "SEQUENCE" -> Kind.SEQUENCE;
			default -> throw new SchemaCloneException(
					"Cannot clone template '%s': '%s' is of type '%s', which schemaclone does not know how to copy; keep such objects out of the migrations"
						.formatted(template, table, type));
		};
	}

}
