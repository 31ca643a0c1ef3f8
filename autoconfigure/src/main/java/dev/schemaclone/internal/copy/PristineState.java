package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import dev.schemaclone.internal.copy.TemplateDefinition.Table;
import dev.schemaclone.internal.server.Identifiers;

/**
 * What a pristine clone of a template holds that a test can change, read once from the
 * template: the digest of its objects, the checksum of each table that has rows, and each
 * {@code AUTO_INCREMENT} counter.
 *
 * @param catalog the {@link CatalogDigest} of its objects
 * @param checksums {@code CHECKSUM TABLE} of each table that has rows, by table name
 * @param counters the next {@code AUTO_INCREMENT} value of each table that has one
 * @param counterDigest the {@link #counterDigest(String) digest} of those values
 */
public record PristineState(String catalog, Map<String, String> checksums, Map<String, Long> counters, String counterDigest) {

	public static PristineState read(Connection connection, TemplateDefinition definition) throws SQLException {
		useLiveStatistics(connection);
		String template = definition.template();
		String[] digests = TemplateDefinition
			.rows(connection, "SELECT " + CatalogDigest.expression(template) + ", " + counterDigest(template), 1, 2)
			.get(0);
		return new PristineState(digests[0],
				checksums(connection, template, definition.tables().stream().filter(Table::hasRows).toList()),
				counters(connection, template), digests[1]);
	}

	/**
	 * Return an SQL expression for an order-free checksum of a schema's {@code AUTO_INCREMENT}
	 * values: equal to the template's, no counter moved.
	 * @param schema the schema
	 * @return the expression
	 */
	static String counterDigest(String schema) {
		return "(SELECT CONCAT(COUNT(*), '/', COALESCE(BIT_XOR(CRC32(CONCAT(TABLE_NAME, '=', AUTO_INCREMENT))), 0))"
				+ " FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + Identifiers.literal(schema)
				+ " AND AUTO_INCREMENT IS NOT NULL)";
	}

	/**
	 * Make {@code information_schema.TABLES} tell the current {@code AUTO_INCREMENT} values:
	 * MySQL 8 serves statistics cached for {@code information_schema_stats_expiry}, a day by
	 * default (MariaDB caches none, and has no such variable).
	 * @param connection the connection that reads them
	 */
	static void useLiveStatistics(Connection connection) throws SQLException {
		TemplateDefinition.setIfKnown(connection, "information_schema_stats_expiry = 0");
	}

	/**
	 * Return the {@code CHECKSUM TABLE} of some of a schema's tables, in one round trip.
	 * @param connection a connection to the server
	 * @param schema the schema
	 * @param tables its tables to sum
	 * @return the checksums by table name
	 */
	static Map<String, String> checksums(Connection connection, String schema, List<Table> tables) throws SQLException {
		Map<String, String> checksums = new HashMap<>();
		if (tables.isEmpty()) {
			return checksums;
		}
		StringJoiner names = new StringJoiner(", ", "CHECKSUM TABLE ", "");
		tables.forEach((table) -> names.add(Identifiers.quote(schema) + "." + Identifiers.quoteExisting(table.name())));
		String qualifier = schema + ".";
		for (String[] row : TemplateDefinition.rows(connection, names.toString(), 1, 2)) {
			checksums.put(row[0].substring(qualifier.length()), row[1]);
		}
		return checksums;
	}

	/**
	 * Return the next {@code AUTO_INCREMENT} value of each table of a schema that has one; the
	 * connection must {@link #useLiveStatistics use live statistics}.
	 * @param connection a connection to the server
	 * @param schema the schema
	 * @return the values by table name
	 */
	static Map<String, Long> counters(Connection connection, String schema) throws SQLException {
		Map<String, Long> counters = new HashMap<>();
		for (String[] row : TemplateDefinition.rows(connection, "SELECT TABLE_NAME, AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
				+ Identifiers.literal(schema) + " AND AUTO_INCREMENT IS NOT NULL", 1, 2)) {
			counters.put(row[0], Long.valueOf(row[1]));
		}
		return counters;
	}

}
