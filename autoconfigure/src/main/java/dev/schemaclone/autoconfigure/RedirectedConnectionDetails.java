package dev.schemaclone.autoconfigure;

import java.util.function.Supplier;

/**
 * Connection details that keep the application's credentials and driver but name the
 * context's clone; read lazily, so that a server that starts on first use starts only
 * then. Public for the migration tools' connection details in their own packages.
 */
public abstract class RedirectedConnectionDetails {

	private final Supplier<String> username;

	private final Supplier<String> password;

	private final Supplier<String> driverClassName;

	private final Supplier<String> url;

	protected RedirectedConnectionDetails(Supplier<String> username, Supplier<String> password,
			Supplier<String> driverClassName, Supplier<String> url) {
		this.username = username;
		this.password = password;
		this.driverClassName = driverClassName;
		this.url = url;
	}

	public String getUsername() {
		return this.username.get();
	}

	public String getPassword() {
		return this.password.get();
	}

	public String getJdbcUrl() {
		return this.url.get();
	}

	public String getDriverClassName() {
		return this.driverClassName.get();
	}

}
