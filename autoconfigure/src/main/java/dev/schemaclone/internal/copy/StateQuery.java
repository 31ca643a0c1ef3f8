package dev.schemaclone.internal.copy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.copy.TemplateDefinition.Column;
import dev.schemaclone.internal.copy.TemplateDefinition.Table;
import dev.schemaclone.internal.server.Identifiers;

/**
 * The one query, one round trip, that reads the {@link SchemaState} of a schema shaped
 * like a source's tables: the digest of its objects, every {@code AUTO_INCREMENT}
 * counter, the digest of the rows of every table the definition fills (a system-versioned
 * table's history with its period columns; a sequence's one row, which holds its
 * definition and its next value), and which of the tables it leaves empty hold a row.
 * Neither {@code TABLE_ROWS} (an estimate) nor {@code CHECKSUM TABLE} (one CRC across
 * adjacent values, blind to bytes moved between them) can tell what changed.
 */
final class StateQuery {

	/** Types whose values can be longer than {@code max_allowed_packet} once quoted. */
	private static final Set<String> LARGE_TYPES = Set.of("tinytext", "text", "mediumtext", "longtext", "tinyblob",
			"blob", "mediumblob", "longblob", "json", "geometry", "point", "linestring", "polygon", "multipoint",
			"multilinestring", "multipolygon", "geometrycollection", "geomcollection");

	private final String sql;

	private final List<Table> tables;

	StateQuery(CatalogDigest catalog, List<Table> tables, String schema) {
		this.tables = tables;
		String literal = Identifiers.literal(schema);
		StringJoiner sql = new StringJoiner(" UNION ALL ");
		sql.add("SELECT 'o', CAST('' AS BINARY), CAST(" + catalog.expression(schema) + " AS BINARY)");
		sql.add("SELECT 'a', CAST(TABLE_NAME AS BINARY), CAST(AUTO_INCREMENT AS BINARY) FROM information_schema.TABLES"
				+ " WHERE TABLE_SCHEMA = " + literal + " AND AUTO_INCREMENT IS NOT NULL");
		for (int i = 0; i < this.tables.size(); i++) {
			Table table = this.tables.get(i);
			String from = "FROM " + table.rows(schema);
			if (table.hasRows()) {
				sql.add("SELECT 'r', '" + i + "', CAST(" + MultisetDigest.of(values(table), from) + " AS BINARY)");
			}
			else {
				sql.add("SELECT 'e', '" + i + "', NULL FROM DUAL WHERE EXISTS(SELECT 1 " + from + ")");
			}
		}
		this.sql = sql.toString();
	}

	/**
	 * Return the values that tell a row of a table: its written columns, each as bytes,
	 * but {@code FLOAT}s as {@code DOUBLE}s, which print every bit of them (a
	 * {@code FLOAT} prints six digits); {@code TIMESTAMP}s as the instants they hold,
	 * which no session's time zone prints another way (nor two the same way, as the hour
	 * a clock is put back does); {@code ENUM}s and {@code SET}s by their numbers, which
	 * tell the empty error value of an {@code ENUM} from a member {@code ''}; and the
	 * types that can hold more than a row's quoted values may add up to (the server gives
	 * {@code NULL} for a string longer than {@code max_allowed_packet}) by their length
	 * and SHA-256. Generated columns follow from the others.
	 */
	private static List<String> values(Table table) {
		List<String> values = new ArrayList<>();
		for (Column column : table.writableColumns()) {
			String name = Identifiers.quoteExisting(column.name());
			String type = column.dataType().toLowerCase(Locale.ROOT);
			String value;
			if (type.equals("float")) {
				value = name + " + 0e0";
			}
			else if (type.equals("timestamp")) {
				value = "UNIX_TIMESTAMP(" + name + ")";
			}
			else if (type.equals("enum") || type.equals("set")) {
				value = name + " + 0";
			}
			else if (LARGE_TYPES.contains(type)) {
				value = "CONCAT(LENGTH(" + name + "), ':', SHA2(" + name + ", 256))";
			}
			else {
				value = name;
			}
			values.add("CAST(" + value + " AS BINARY)");
		}
		return values;
	}

	String sql() {
		return this.sql;
	}

	/**
	 * Read the state, in a {@link UtcSession UTC session}; the connection must
	 * {@link PristineState#useLiveStatistics use live statistics}.
	 * @param connection a connection to the server
	 * @return the state
	 * @throws SQLException among others when a table of the definition was dropped or
	 * lost a column
	 */
	SchemaState read(Connection connection) throws SQLException {
		return UtcSession.run(connection, () -> {
			String catalog = null;
			Map<String, Long> counters = new HashMap<>();
			Map<String, String> rows = new HashMap<>();
			Set<String> filled = new HashSet<>();
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery(this.sql)) {
				while (result.next()) {
					String key = text(result.getBytes(2));
					String value = text(result.getBytes(3));
					switch (result.getString(1)) {
						case "o" -> catalog = value;
						case "a" -> counters.put(key, Long.valueOf(value));
						case "r" -> rows.put(table(key), value);
						default -> filled.add(table(key));
					}
				}
			}
			return new SchemaState(catalog, counters, rows, filled);
		});
	}

	private String table(@Nullable String index) {
		return this.tables.get(Integer.parseInt(index)).name();
	}

	private static @Nullable String text(byte[] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
	}

}
