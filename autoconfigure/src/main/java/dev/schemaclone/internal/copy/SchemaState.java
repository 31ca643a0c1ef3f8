package dev.schemaclone.internal.copy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.copy.TemplateDefinition.Table;

/**
 * What a test can change in a schema, as read by one {@link StateQuery}: compared for
 * equality, never summed, so that no two changes can cancel.
 *
 * @param catalog the {@link CatalogDigest} of its objects
 * @param counters the next {@code AUTO_INCREMENT} value of each table that has one
 * @param rows the {@link MultisetDigest} of the rows of each table its source fills, by
 * table name
 * @param filled the tables its source leaves empty that hold a row
 */
record SchemaState(@Nullable String catalog, Map<String, Long> counters, Map<String, String> rows, Set<String> filled) {

	/**
	 * Return whether this state has its source's objects: no object created, changed or
	 * dropped, and the same tables with counters.
	 */
	boolean hasObjectsOf(SchemaState source) {
		return Objects.equals(source.catalog(), this.catalog)
				&& source.counters().keySet().equals(this.counters.keySet());
	}

	/**
	 * Return the tables whose rows differ from the source's: a filled one whose digest
	 * differs, an empty one that holds a row.
	 */
	List<Table> changedTables(SchemaState source, List<Table> tables) {
		List<Table> changed = new ArrayList<>();
		for (Table table : tables) {
			boolean differs = table.hasRows()
					? !Objects.equals(source.rows().get(table.name()), this.rows.get(table.name()))
					: this.filled.contains(table.name());
			if (differs) {
				changed.add(table);
			}
		}
		return changed;
	}

	/**
	 * Return the tables whose counter moved from the source's, with the source's value.
	 */
	Map<String, Long> movedCounters(SchemaState source) {
		Map<String, Long> moved = new LinkedHashMap<>();
		source.counters().forEach((table, next) -> {
			if (!next.equals(this.counters.get(table))) {
				moved.put(table, next);
			}
		});
		return moved;
	}

	/**
	 * Return whether this state is exactly the source's: the comparison every reset
	 * makes, with nothing found to do.
	 */
	boolean isSourceState(SchemaState source, List<Table> tables) {
		return hasObjectsOf(source) && changedTables(source, tables).isEmpty() && movedCounters(source).isEmpty();
	}

}
