package dev.schemaclone.internal.server;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Validates and quotes the schema names schemaclone builds, so that no name taken from
 * configuration reaches SQL unchecked.
 */
public final class Identifiers {

	/** MySQL limits schema names to 64 characters; leave room for the suffixes we add. */
	public static final int MAX_PREFIX_LENGTH = 24;

	private static final Pattern SAFE_PREFIX = Pattern.compile("[a-z][a-z0-9_]*");

	private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_$]{1,64}");

	private Identifiers() {
	}

	/**
	 * Return the prefix unchanged if it is a lower-case identifier short enough to carry
	 * our suffixes.
	 * @param prefix the prefix to check
	 * @param source where the prefix came from, quoted in the error
	 * @return the prefix
	 */
	public static String requireSafePrefix(@Nullable String prefix, String source) {
		if (prefix == null || !SAFE_PREFIX.matcher(prefix).matches() || prefix.length() > MAX_PREFIX_LENGTH) {
			throw new IllegalArgumentException(
					"'%s' is not a safe schema name prefix (from %s): use 1 to %d characters of a-z, 0-9 and _, starting with a letter"
						.formatted(prefix, source, MAX_PREFIX_LENGTH));
		}
		return prefix;
	}

	/**
	 * Return the identifier quoted with backticks, after checking it holds only
	 * characters that never need escaping.
	 * @param name a schema, table or other object name
	 * @return the quoted name
	 */
	public static String quote(@Nullable String name) {
		if (name == null || !SAFE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("'%s' is not a safe identifier".formatted(name));
		}
		return "`" + name + "`";
	}

	/**
	 * Return a schema name as an SQL string literal, after the same check as
	 * {@link #quote}.
	 * @param name a schema name
	 * @return the name in single quotes
	 */
	public static String literal(String name) {
		return "'" + quote(name).substring(1, name.length() + 1) + "'";
	}

	/**
	 * Return an object name quoted with backticks, escaping embedded backticks; for names
	 * read back from the server, which may hold any character.
	 * @param name a table, view or routine name as the server reports it
	 * @return the quoted name
	 */
	public static String quoteExisting(String name) {
		return "`" + name.replace("`", "``") + "`";
	}

}
