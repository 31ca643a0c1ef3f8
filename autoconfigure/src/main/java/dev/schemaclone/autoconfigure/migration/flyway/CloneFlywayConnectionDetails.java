package dev.schemaclone.autoconfigure.migration.flyway;

import java.util.function.Supplier;

import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;

import dev.schemaclone.autoconfigure.RedirectedConnectionDetails;

/**
 * Flyway's own connection details with the context's clone as the schema: a
 * {@code @ServiceConnection} container gives Flyway the container's URL, which would
 * otherwise migrate the container's default schema.
 */
final class CloneFlywayConnectionDetails extends RedirectedConnectionDetails implements FlywayConnectionDetails {

	CloneFlywayConnectionDetails(FlywayConnectionDetails delegate, Supplier<String> url) {
		super(delegate::getUsername, delegate::getPassword, delegate::getDriverClassName, url);
	}

}
