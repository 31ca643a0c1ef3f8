package dev.schemaclone.internal.workspace;

import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * A template that template retention took away between a process finding it ready and
 * recording its clone.
 */
final class TemplateRetiredException extends SchemaCloneException {

	TemplateRetiredException(String template) {
		super("Template '%s' is being dropped by template retention in another process".formatted(template));
	}

}
