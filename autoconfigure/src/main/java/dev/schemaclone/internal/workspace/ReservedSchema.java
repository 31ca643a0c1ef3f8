package dev.schemaclone.internal.workspace;



/**
 * A schema reserved for a context before its template is known.
 *
 * @param name the schema's name
 * @param filledFrom the template it was prefetched from, or {@code null} if it is empty
 */
public record ReservedSchema(String name, String filledFrom) {

}
