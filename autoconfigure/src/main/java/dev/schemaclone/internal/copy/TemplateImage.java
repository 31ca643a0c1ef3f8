package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.copy.TemplateDefinition.Column;
import dev.schemaclone.internal.copy.TemplateDefinition.Table;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.Identifiers;

/**
 * A ready template as a file can keep it, apart from any server: its definition, the rows
 * of every table that has rows as SQL literals, and the state a schema restored from it
 * must be in, compared as a clone's is. Rows and states are read and written in UTC, so
 * that a session's time zone cannot shift a {@code TIMESTAMP} value.
 */
public final class TemplateImage {

	/**
	 * Characters of values per {@code INSERT}, well under any {@code max_allowed_packet}.
	 */
	private static final int STATEMENT_SIZE = 1 << 20;

	private static final Set<String> NUMBERS = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint",
			"decimal", "numeric", "year");

	private static final Set<String> TIMES = Set.of("date", "time", "datetime", "timestamp");

	private final TemplateDefinition definition;

	private final Map<String, List<String>> rows;

	private final SchemaState state;

	TemplateImage(TemplateDefinition definition, Map<String, List<String>> rows, SchemaState state) {
		this.definition = definition;
		this.rows = rows;
		this.state = state;
	}

	/**
	 * Read a ready template, which no one changes meanwhile.
	 * @param connection a connection of the caller's alone: its time zone is changed
	 * @param template the template
	 * @return its image
	 */
	public static TemplateImage read(Connection connection, String template) throws SQLException {
		TemplateDefinition definition = TemplateDefinition.read(connection, template);
		UtcSession.use(connection);
		SchemaState state = PristineState.read(connection, definition).state();
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (Table table : definition.tables()) {
			if (table.hasRows()) {
				rows.put(table.name(),
						TemplateDefinition.rows(connection, rowLiterals(table, template), 1)
							.stream()
							.map((row) -> row[0])
							.toList());
			}
		}
		return new TemplateImage(definition, rows, state);
	}

	/**
	 * Fill an existing empty schema with the image, and compare its state with the
	 * image's.
	 * @param server the server, to open connections of its own on
	 * @param schema the empty schema
	 * @param connections how many connections to spread tables and rows over, at most
	 * @return {@code null} if the schema is in the image's state, else what differs
	 */
	public @Nullable String restore(DatabaseServer server, String schema, int connections) throws SQLException {
		try (Connection connection = server.open()) {
			UtcSession.use(connection);
			SchemaCloner.takeDefaults(connection, this.definition, schema);
			SchemaCloner.fill(server, this.definition, schema, connections, (share) -> inserts(schema, share));
			TemplateDefinition restored = TemplateDefinition.read(connection, schema);
			return difference(PristineState.read(connection, restored).state());
		}
	}

	/**
	 * Return the query that gives each row of a table as a SQL tuple, in ASCII: numbers
	 * as they print, floating point numbers as {@code DOUBLE}s (a {@code FLOAT} prints
	 * six digits), {@code BIT}s as numbers, times as quoted text, and every other value
	 * (strings of any character set, binary strings, {@code ENUM}, {@code SET}, MariaDB's
	 * {@code UUID} and {@code INET6}, geometries) as a hex literal of its bytes, which
	 * the server reads back in the column's own character set or format; JSON converted
	 * from them, as MySQL takes no binary string into a JSON column.
	 */
	static String rowLiterals(Table table, String schema) {
		String values = table.writableColumns()
			.stream()
			.map(TemplateImage::literal)
			.collect(Collectors.joining(", ", "CONCAT('(', CONCAT_WS(',', ", "), ')')"));
		return "SELECT " + values + " FROM " + table.rows(schema);
	}

	private static String literal(Column column) {
		String name = Identifiers.quoteExisting(column.name());
		String type = column.dataType().toLowerCase(Locale.ROOT);
		String value;
		if (NUMBERS.contains(type)) {
			value = "CAST(" + name + " AS CHAR)";
		}
		else if (type.equals("float") || type.equals("double") || type.equals("real")) {
			value = "CAST(" + name + " + 0e0 AS CHAR)";
		}
		else if (type.equals("bit")) {
			value = "CAST(" + name + " + 0 AS CHAR)";
		}
		else if (TIMES.contains(type)) {
			value = "CONCAT('''', CAST(" + name + " AS CHAR), '''')";
		}
		else if (type.equals("json")) {
			value = "CONCAT('CONVERT(X''', HEX(" + name + "), ''' USING utf8mb4)')";
		}
		else {
			value = "CONCAT('X''', HEX(" + name + "), '''')";
		}
		return "IFNULL(" + value + ", 'NULL')";
	}

	/**
	 * Return the statements that write the image's rows of some tables into a schema
	 * without strict checks (what the server changes on the way shows in the comparison
	 * after), and that give the session its own SQL mode back after; the copy's sessions
	 * are in UTC already.
	 */
	private List<String> inserts(String schema, List<Table> tables) {
		List<String> statements = new ArrayList<>();
		statements.add("SET @schemaclone_mode = @@SESSION.sql_mode");
		statements.add("SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION'");
		for (Table table : tables) {
			String into = "INSERT INTO " + Identifiers.quote(schema) + "." + Identifiers.quoteExisting(table.name())
					+ " (" + table.columnList() + ") VALUES ";
			StringBuilder statement = new StringBuilder(into);
			for (String row : this.rows.getOrDefault(table.name(), List.of())) {
				if (statement.length() > into.length() && statement.length() + row.length() > STATEMENT_SIZE) {
					statements.add(statement.toString());
					statement.setLength(into.length());
				}
				statement.append((statement.length() > into.length()) ? "," : "").append(row);
			}
			if (statement.length() > into.length()) {
				statements.add(statement.toString());
			}
		}
		statements.add("SET SESSION sql_mode = @schemaclone_mode");
		return statements;
	}

	private @Nullable String difference(SchemaState restored) {
		List<String> differences = new ArrayList<>();
		if (!Objects.equals(restored.catalog(), this.state.catalog())) {
			differences.add("its objects");
		}
		if (!restored.counters().equals(this.state.counters())) {
			differences.add("AUTO_INCREMENT counters");
		}
		if (!restored.rows().equals(this.state.rows()) || !restored.filled().equals(this.state.filled())) {
			differences.add("rows");
		}
		return differences.isEmpty() ? null : String.join(", ", differences);
	}

	TemplateDefinition definition() {
		return this.definition;
	}

	Map<String, List<String>> rows() {
		return this.rows;
	}

	SchemaState state() {
		return this.state;
	}

}
