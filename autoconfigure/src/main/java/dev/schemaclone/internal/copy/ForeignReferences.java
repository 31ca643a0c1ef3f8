package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * Refuses a template whose tables or views name a table, view or sequence of another
 * schema (a view reading it, a foreign key to it, a default calling its sequence): a
 * clone keeps such a name as it is, so every clone would share that object, and what one
 * context writes through it another would see. The server's own schemas are fine to read.
 */
final class ForeignReferences {

	/**
	 * A qualified name as {@code SHOW CREATE} writes it. An alias and a column look the
	 * same; only names of objects that exist count.
	 */
	private static final Pattern QUALIFIED = Pattern.compile("`((?:[^`]|``)+)`\\.`((?:[^`]|``)+)`");

	private static final Set<String> SERVER_SCHEMAS = Set.of("information_schema", "mysql", "performance_schema",
			"sys");

	private ForeignReferences() {
	}

	/**
	 * Throw if any of some objects' definitions names an object of another schema.
	 * @param connection a connection to the server
	 * @param template the schema the objects belong to
	 * @param definitions each object's {@code SHOW CREATE} text, by its kind and name,
	 * such as {@code view 'v'}
	 */
	static void refuse(Connection connection, String template, Map<String, String> definitions) throws SQLException {
		Map<Name, String> candidates = new LinkedHashMap<>();
		definitions.forEach((object, ddl) -> {
			Matcher matcher = QUALIFIED.matcher(ddl);
			while (matcher.find()) {
				String schema = matcher.group(1).replace("``", "`");
				if (!schema.equals(template) && !SERVER_SCHEMAS.contains(schema.toLowerCase())) {
					candidates.putIfAbsent(new Name(schema, matcher.group(2).replace("``", "`")), object);
				}
			}
		});
		if (candidates.isEmpty()) {
			return;
		}
		StringJoiner where = new StringJoiner(" OR ");
		candidates.keySet().forEach((name) -> where.add("(TABLE_SCHEMA = ? AND TABLE_NAME = ?)"));
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE "
					+ where + " LIMIT 1")) {
			int index = 1;
			for (Name name : candidates.keySet()) {
				statement.setString(index++, name.schema());
				statement.setString(index++, name.table());
			}
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					Name name = new Name(result.getString(1), result.getString(2));
					throw new SchemaCloneException(
							("Cannot clone template '%s': %s uses %s '%s'.'%s' of another schema, which"
									+ " every clone would share. Create it in the migrated schema instead, or keep the reference out of the"
									+ " migrations")
								.formatted(template, candidates.getOrDefault(name, "an object"),
										result.getString(3).toLowerCase(Locale.ROOT), name.schema(), name.table()));
				}
			}
		}
	}

	private record Name(String schema, String table) {

	}

}
