package dev.schemaclone.autoconfigure;

import org.flywaydb.core.api.configuration.Configuration;

import dev.schemaclone.engine.DatabaseServer;
import dev.schemaclone.engine.MySqlUrl;
import dev.schemaclone.engine.ReservedSchema;
import dev.schemaclone.engine.SchemaWorkspace;
import dev.schemaclone.engine.SchemaWorkspaces;

/**
 * The schema of one application context: created empty when the context first asks for its
 * URL, filled from the template when the context's Flyway is ready, dropped in the background
 * when the context closes.
 */
final class ContextSchema {

	private final SchemaWorkspace workspace;

	private final MySqlUrl applicationUrl;

	private final boolean keep;

	private final ReservedSchema reserved;

	private boolean filled;

	ContextSchema(MySqlUrl applicationUrl, String username, String password, SchemaCloneProperties properties) {
		this.applicationUrl = applicationUrl;
		this.keep = properties.isKeepClones();
		String adminUser = (properties.getUsername() != null) ? properties.getUsername() : username;
		String adminPassword = (properties.getUsername() != null) ? properties.getPassword() : password;
		this.workspace = SchemaWorkspaces.get(new DatabaseServer(applicationUrl.withDatabase(""), adminUser, adminPassword),
				properties.toWorkspaceSettings());
		this.reserved = this.workspace.reserve();
	}

	/**
	 * Return the application's URL with the clone as its schema.
	 */
	String url() {
		return this.applicationUrl.withDatabase(this.reserved.name()).toJdbcUrl();
	}

	/**
	 * Fill the clone from the template of this Flyway configuration, migrating the template
	 * first if no process has.
	 */
	synchronized void fill(Configuration flyway) {
		if (!this.filled) {
			this.workspace.complete(this.reserved, flyway);
			this.filled = true;
		}
	}

	synchronized boolean isFilled() {
		return this.filled;
	}

	synchronized void close() {
		if (this.keep) {
			this.workspace.keep(this.reserved.name());
		}
		else {
			this.workspace.dropLater(this.reserved.name());
		}
	}

}
