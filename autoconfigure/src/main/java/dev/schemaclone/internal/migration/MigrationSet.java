package dev.schemaclone.internal.migration;

import dev.schemaclone.internal.server.DatabaseServer;

/**
 * What a template is migrated with: the application's own Flyway or Liquibase set-up.
 */
public interface MigrationSet {

	/**
	 * Return the fingerprint of what the migrations produce: it names the template.
	 * @return the fingerprint
	 */
	MigrationFingerprint fingerprint();

	/**
	 * Migrate an empty schema, as the application's own set-up would migrate its schema.
	 * @param server the server
	 * @param schema the schema to migrate
	 * @param progress to be told each step as it starts
	 * @return how many migrations or change sets ran
	 */
	int migrate(DatabaseServer server, String schema, MigrationProgress progress);

}
