package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.schemaclone.internal.copy.TemplateDefinition.Kind;
import dev.schemaclone.internal.copy.TemplateDefinition.Table;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.Identifiers;

/**
 * Turns a schema that holds a clone of one template into a clone of another by making
 * again only what differs: a table whose {@code SHOW CREATE} text is the target's, its
 * counter aside, is kept with its rows; every other table is dropped, and the target's
 * missing ones created and filled; views, routines, triggers and events are all made
 * again. A changed migration changes a few tables of many, so this costs a fraction of a
 * copy. What it keeps is not trusted: a {@link CloneReset} must follow, whose exact
 * comparison with the target restores the kept tables' rows and counters, and makes the
 * whole schema again if any object still differs.
 */
public final class CloneConversion {

	/**
	 * The table option that gives the next counter, which the reset that follows sets.
	 */
	private static final Pattern COUNTER = Pattern.compile(" AUTO_INCREMENT=\\d+");

	private CloneConversion() {
	}

	/**
	 * Make again what differs between a schema and a template's definition.
	 * @param server the server, to open connections of its own on
	 * @param definition the target template's objects
	 * @param clone the schema, which this process owns
	 * @param connections how many connections to spread new tables and rows over, at most
	 * @return how many of the schema's tables were kept
	 */
	public static int convert(DatabaseServer server, TemplateDefinition definition, String clone, int connections)
			throws SQLException {
		Map<String, Table> wanted = definition.tables()
			.stream()
			.collect(Collectors.toMap(Table::name, Function.identity()));
		List<String> kept = new ArrayList<>();
		try (Connection connection = SchemaCloner.prepare(server.open(clone))) {
			TemplateDefinition.showInvisiblePrimaryKeys(connection);
			ObjectListing listing = ObjectListing.read(connection, clone);
			String quoted = Identifiers.quote(clone);
			// Views, routines, events and triggers first: none is left to name a table
			// that is dropped.
			List<String> drops = new ArrayList<>();
			listing.views().forEach((view) -> drops.add("DROP VIEW " + quoted + "." + Identifiers.quoteExisting(view)));
			for (String[] routine : TemplateDefinition.rows(connection, TemplateDefinition.routinesOf(clone), 1, 2)) {
				drops.add("DROP " + routine[0] + " " + quoted + "." + Identifiers.quoteExisting(routine[1]));
			}
			for (String[] event : TemplateDefinition.rows(connection, TemplateDefinition.eventsOf(clone), 1)) {
				drops.add("DROP EVENT " + quoted + "." + Identifiers.quoteExisting(event[0]));
			}
			for (String[] trigger : TemplateDefinition.rows(connection, TemplateDefinition.triggersOf(clone), 1)) {
				drops.add("DROP TRIGGER " + quoted + "." + Identifiers.quoteExisting(trigger[0]));
			}
			for (Map.Entry<String, Kind> table : listing.tables().entrySet()) {
				Table target = wanted.get(table.getKey());
				if (target != null && target.kind() == table.getValue()
						&& withoutCounter(listing.createStatement(connection, clone, target.name()))
							.equals(withoutCounter(definition.retarget(target.ddl(), clone)))) {
					kept.add(target.name());
				}
				else {
					drops.add("DROP " + table.getValue().keyword() + " " + quoted + "."
							+ Identifiers.quoteExisting(table.getKey()));
				}
			}
			SchemaCloner.executeAll(connection, drops);
			SchemaCloner.takeDefaults(connection, definition, clone);
		}
		SchemaCloner.copy(server, definition.withoutTables(kept), clone, connections);
		return kept.size();
	}

	private static String withoutCounter(String ddl) {
		return COUNTER.matcher(ddl).replaceFirst("");
	}

}
