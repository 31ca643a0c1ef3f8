package dev.schemaclone.autoconfigure.migration.liquibase;

import java.util.function.Supplier;

import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;

import dev.schemaclone.autoconfigure.RedirectedConnectionDetails;

/**
 * Liquibase's own connection details with the context's clone as the schema: a
 * {@code @ServiceConnection} container gives Liquibase the container's URL, which would
 * otherwise migrate the container's default schema.
 */
final class CloneLiquibaseConnectionDetails extends RedirectedConnectionDetails implements LiquibaseConnectionDetails {

	CloneLiquibaseConnectionDetails(LiquibaseConnectionDetails delegate, Supplier<String> url) {
		super(delegate::getUsername, delegate::getPassword, delegate::getDriverClassName, url);
	}

}
