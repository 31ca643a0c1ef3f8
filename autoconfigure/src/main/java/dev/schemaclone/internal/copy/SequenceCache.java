package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.schemaclone.internal.server.Identifiers;

/**
 * Writes the next value of each of a schema's sequences into its row, so that the row
 * tells what {@code NEXTVAL} gives next, and a copy of the row gives the same. MariaDB
 * takes {@code CACHE} values ahead (1000 unless the sequence says otherwise) and keeps
 * them in memory: after {@code NEXTVAL} returned 1, 51 and 101, a sequence with
 * {@code INCREMENT BY 50} gives 151 next, while its row's {@code next_not_cached_value}
 * says 50001, the value it gives once the server drops its cache (a restart, or its table
 * evicted from the table definition cache). A copy of the row gives 50001; once settled,
 * the row says 151, the cache is empty, and every copy gives 151, as the schema does.
 * MySQL has no sequences.
 */
public final class SequenceCache {

	/**
	 * {@code ER_SEQUENCE_RUN_OUT}: a sequence without {@code CYCLE} past its last value.
	 */
	private static final int SEQUENCE_RUN_OUT = 4084;

	private SequenceCache() {
	}

	/**
	 * Settle every sequence of a schema that no one else uses meanwhile: take its next
	 * value, and write it back as the row's {@code next_not_cached_value} (an
	 * {@code INSERT} into a sequence replaces its row and empties its cache), every other
	 * column as it is. A sequence that has run out stays as it is.
	 * @param connection a connection to the server
	 * @param schema the schema
	 */
	public static void settle(Connection connection, String schema) throws SQLException {
		for (String[] sequence : TemplateDefinition.rows(connection,
				"SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + Identifiers.literal(schema)
						+ " AND TABLE_TYPE = 'SEQUENCE'",
				1)) {
			String name = Identifiers.quote(schema) + "." + Identifiers.quoteExisting(sequence[0]);
			String next;
			try {
				next = TemplateDefinition.rows(connection, "SELECT NEXTVAL(" + name + ")", 1).get(0)[0];
			}
			catch (SQLException ex) {
				if (ex.getErrorCode() != SEQUENCE_RUN_OUT) {
					throw ex;
				}
				continue;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("INSERT INTO " + name + " SELECT " + next
						+ ", minimum_value, maximum_value, start_value, increment, cache_size, cycle_option, cycle_count FROM "
						+ name);
			}
		}
	}

}
