package dev.schemaclone.internal.workspace;

import org.jspecify.annotations.Nullable;

/**
 * A schema reserved for a context before its template is known.
 *
 * @param name the schema's name
 * @param filledFrom the template it was prefetched from, or {@code null} if it is empty
 * @param written whether something wrote into it before its template was known, so that
 * it is emptied before the copy
 */
public record ReservedSchema(String name, @Nullable String filledFrom, boolean written) {

	/**
	 * Reserve a schema nothing wrote into.
	 * @param name the schema's name
	 * @param filledFrom the template it was prefetched from, or {@code null} if it is
	 * empty
	 */
	public ReservedSchema(String name, @Nullable String filledFrom) {
		this(name, filledFrom, false);
	}

}
