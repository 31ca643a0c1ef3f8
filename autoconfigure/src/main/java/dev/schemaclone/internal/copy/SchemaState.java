package dev.schemaclone.internal.copy;

import java.util.Map;
import java.util.Set;

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
record SchemaState(String catalog, Map<String, Long> counters, Map<String, String> rows, Set<String> filled) {

}
