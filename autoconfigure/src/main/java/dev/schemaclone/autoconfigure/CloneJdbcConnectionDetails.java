package dev.schemaclone.autoconfigure;

import java.util.function.Supplier;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The application's JDBC connection details with the context's clone as the schema.
 */
final class CloneJdbcConnectionDetails implements JdbcConnectionDetails {

	private final JdbcConnectionDetails delegate;

	private final Supplier<String> url;

	CloneJdbcConnectionDetails(JdbcConnectionDetails delegate, Supplier<String> url) {
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

	@Override
	public String getXaDataSourceClassName() {
		return this.delegate.getXaDataSourceClassName();
	}

}
