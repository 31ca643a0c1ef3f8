package dev.schemaclone.autoconfigure;

import java.util.function.Supplier;

import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;

/**
 * Flyway's own connection details with the context's clone as the schema: a
 * {@code @ServiceConnection} container gives Flyway the container's URL, which would
 * otherwise migrate the container's default schema.
 */
final class CloneFlywayConnectionDetails implements FlywayConnectionDetails {

	private final FlywayConnectionDetails delegate;

	private final Supplier<String> url;

	CloneFlywayConnectionDetails(FlywayConnectionDetails delegate, Supplier<String> url) {
		this.delegate = delegate;
		this.url = url;
	}

	@Override
	public String getUsername() {
		return this.delegate.getUsername();
	}

	@Override
	public String getPassword() {
		return this.delegate.getPassword();
	}

	@Override
	public String getJdbcUrl() {
		return this.url.get();
	}

	@Override
	public String getDriverClassName() {
		return this.delegate.getDriverClassName();
	}

}
