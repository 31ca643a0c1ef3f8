package dev.schemaclone.internal.server;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a template cannot be built or cloned; the message says what to fix.
 */
public class SchemaCloneException extends RuntimeException {

	public SchemaCloneException(String message) {
		super(message);
	}

	public SchemaCloneException(@Nullable String message, Throwable cause) {
		super(message, cause);
	}

}
