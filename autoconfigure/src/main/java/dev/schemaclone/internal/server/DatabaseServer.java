package dev.schemaclone.internal.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * A MySQL or MariaDB server and the credentials schemaclone runs its DDL with.
 *
 * @param url the server's URL; its schema is ignored
 * @param username the user, or {@code null} for the driver's default
 * @param password the password, never printed; {@code null} for none
 * @param connectTimeout how long opening a connection may take
 * @param socketTimeout how long one ordinary statement may wait for the server: the bound
 * on every statement of every connection opened here
 */
public record DatabaseServer(MySqlUrl url, @Nullable String username, @Nullable String password,
		Duration connectTimeout, Duration socketTimeout) {

	/** Bounds that keep a slow or gone server from hanging a build. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofMinutes(2);

	/**
	 * How long a statement of a connection opened here waits for a lock another session
	 * holds: a table or schema lock ({@code lock_wait_timeout}, a year by default on
	 * MySQL) or a row lock ({@code innodb_lock_wait_timeout}). Shorter than the socket
	 * timeout, so that the server gives up first and says why, and the session does not
	 * go on waiting after its client left.
	 */
	public static final Duration LOCK_WAIT = Duration.ofSeconds(30);

	/**
	 * {@code ER_CON_COUNT_ERROR}, {@code ER_TOO_MANY_USER_CONNECTIONS} and
	 * {@code ER_USER_LIMIT_REACHED}: the server's or the user's limit of connections.
	 */
	private static final Set<Integer> CONNECTION_LIMITS = Set.of(1040, 1203, 1226);

	/**
	 * Refuse a URL of several servers: named locks and the registry live in one server,
	 * and two sessions of a load-balanced URL may land on different ones.
	 */
	public DatabaseServer {
		if (!url.namesOneServer()) {
			throw new SchemaCloneException(
					("schemaclone needs the URL of one server, but %s names several (load balancing, replication or failover): "
							+ "the named locks and the registry that tell schemaclone's processes apart live in one server, so its sessions could land on different servers "
							+ "and drop each other's schemas. Point the tests' datasource at one server, such as the first host: %s")
						.formatted(url, url.firstServer()));
		}
	}

	public DatabaseServer(MySqlUrl url, @Nullable String username, @Nullable String password) {
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
		Connection connection;
		try {
			connection = DriverManager.getConnection(target.toJdbcUrl(), properties);
		}
		catch (SQLException ex) {
			throw new SchemaCloneException(
					"Cannot connect to %s as '%s': %s. Check that the server runs and that the URL and credentials are right"
						.formatted(target, this.username, ex.getMessage()),
					ex);
		}
		try {
			boundLockWaits(connection, LOCK_WAIT);
			return connection;
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw new SchemaCloneException("Cannot set up a session on %s: %s".formatted(target, ex.getMessage()), ex);
		}
	}

	/**
	 * Return whether a failure is the server refusing one more connection, at its own
	 * limit or the user's: work that holds fewer connections at once can succeed.
	 * @param failure the failure
	 * @return whether it is
	 */
	public static boolean isConnectionLimit(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException ex && CONNECTION_LIMITS.contains(ex.getErrorCode())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Bound how long a session's statements wait for locks other sessions hold.
	 * @param connection the session
	 * @param wait the bound, whole seconds
	 * @throws SQLException if the server refuses the setting
	 */
	public static void boundLockWaits(Connection connection, Duration wait) throws SQLException {
		long seconds = Math.max(1, wait.toSeconds());
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET SESSION lock_wait_timeout = " + seconds + ", innodb_lock_wait_timeout = " + seconds);
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// Nothing was done on it.
		}
	}

	@Override
	public String toString() {
		return this.url.withDatabase("") + ((this.username != null) ? " as '" + this.username + "'" : "");
	}

}
