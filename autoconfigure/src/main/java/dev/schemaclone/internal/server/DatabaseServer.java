package dev.schemaclone.internal.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * A MySQL or MariaDB server and the credentials schemaclone runs its DDL with.
 *
 * @param url the server's URL; its schema is ignored
 * @param username the user
 * @param password the password, never printed
 * @param connectTimeout how long opening a connection may take
 * @param socketTimeout how long one ordinary statement may wait for the server
 */
public record DatabaseServer(MySqlUrl url, String username, String password, Duration connectTimeout,
		Duration socketTimeout) {

	/** Bounds that keep a slow or gone server from hanging a build. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofMinutes(2);

	public DatabaseServer(MySqlUrl url, String username, String password) {
		this(url, username, password, DEFAULT_CONNECT_TIMEOUT, DEFAULT_SOCKET_TIMEOUT);
	}

	/**
	 * Return the server of a URL that carries its credentials as {@code user} and
	 * {@code password} parameters, with those parameters taken out of the URL.
	 * @param url a MySQL or MariaDB JDBC URL
	 * @return the server
	 */
	public static DatabaseServer fromUrlWithCredentials(String url) {
		MySqlUrl parsed = MySqlUrl.parse(url);
		Map<String, String> parameters = parsed.parameters();
		StringJoiner rest = new StringJoiner("&");
		parameters.forEach((key, value) -> {
			if (!key.equals("user") && !key.equals("password")) {
				rest.add(key + "=" + value);
			}
		});
		return new DatabaseServer(new MySqlUrl(parsed.scheme(), parsed.hosts(), "", rest.toString()),
				parameters.get("user"), parameters.get("password"));
	}

	/**
	 * Return the JDBC URL of a schema on this server.
	 * @param schema the schema
	 * @return the URL
	 */
	public MySqlUrl urlOf(String schema) {
		return this.url.withDatabase(schema);
	}

	/**
	 * Open a connection with no default schema.
	 * @return a new connection
	 */
	public Connection open() {
		return open("");
	}

	/**
	 * Open a connection to one schema.
	 * @param schema the schema, or an empty string for none
	 * @return a new connection
	 */
	public Connection open(String schema) {
		MySqlUrl target = this.url.withDatabase(schema);
		Properties properties = new Properties();
		if (this.username != null) {
			properties.setProperty("user", this.username);
		}
		if (this.password != null) {
			properties.setProperty("password", this.password);
		}
		if (!target.parameters().containsKey("connectTimeout")) {
			properties.setProperty("connectTimeout", String.valueOf(this.connectTimeout.toMillis()));
		}
		if (!target.parameters().containsKey("socketTimeout")) {
			properties.setProperty("socketTimeout", String.valueOf(this.socketTimeout.toMillis()));
		}
		try {
			return DriverManager.getConnection(target.toJdbcUrl(), properties);
		}
		catch (SQLException ex) {
			throw new SchemaCloneException("Cannot connect to %s as '%s': %s. Check that the server runs and that the URL and credentials are right"
				.formatted(target, this.username, ex.getMessage()), ex);
		}
	}

	@Override
	public String toString() {
		return this.url.withDatabase("") + ((this.username != null) ? " as '" + this.username + "'" : "");
	}

}
