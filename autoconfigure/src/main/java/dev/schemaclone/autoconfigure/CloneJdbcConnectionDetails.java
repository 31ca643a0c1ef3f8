package dev.schemaclone.autoconfigure;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The application's JDBC connection details with the context's clone as the schema.
 */
final class CloneJdbcConnectionDetails extends RedirectedConnectionDetails implements JdbcConnectionDetails {

	private final JdbcConnectionDetails delegate;

	CloneJdbcConnectionDetails(JdbcConnectionDetails delegate, Supplier<String> url) {
		super(delegate::getUsername, delegate::getPassword, delegate::getDriverClassName, url);
		this.delegate = delegate;
	}

	@Override
	public @Nullable String getXaDataSourceClassName() {
		return this.delegate.getXaDataSourceClassName();
	}

}
