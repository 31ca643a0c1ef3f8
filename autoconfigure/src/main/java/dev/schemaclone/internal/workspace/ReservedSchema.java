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
 * @param checked whether it was found in its template's state, so that a context of that
 * template can use it as it is; an unchecked clone is converted even into a clone of its
 * own template, which ends in the reset's exact comparison
 */
public record ReservedSchema(String name, @Nullable String filledFrom, boolean written, boolean checked) {

	/**
	 * Reserve a schema nothing wrote into, a checked clone or an empty schema.
	 * @param name the schema's name
	 * @param filledFrom the template it holds a clone of, or {@code null} if it was
	 * created empty
	 */
	public ReservedSchema(String name, @Nullable String filledFrom) {
		this(name, filledFrom, false, true);
	}

	/**
	 * Return whether the schema is a clone of a template, fit for a context of it as it
	 * is.
	 * @param template the template the context needs
	 * @return whether the schema needs no filling
	 */
	boolean isCheckedCloneOf(String template) {
		return this.checked && template.equals(this.filledFrom);
	}

}
