package dev.schemaclone.internal.workspace;

import org.jspecify.annotations.Nullable;

/**
 * A schema reserved for a context before its template is known.
 *
 * @param name the schema's name
 * @param filledFrom the template it holds a clone of (a spare, a warm clone claimed), or
 * {@code null} if it was created empty
 * @param written whether something wrote into it before its template was known, so that
 * it is converted instead of copied into
 */
public record ReservedSchema(String name, @Nullable String filledFrom, boolean written) {

	/**
	 * Reserve a schema nothing wrote into.
	 * @param name the schema's name
	 * @param filledFrom the template it holds a clone of, or {@code null} if it was
	 * created empty
	 */
	public ReservedSchema(String name, @Nullable String filledFrom) {
		this(name, filledFrom, false);
	}

}
