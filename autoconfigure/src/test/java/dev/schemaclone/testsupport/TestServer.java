package dev.schemaclone.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.schemaclone.engine.DatabaseServer;

/**
 * The server the tests run against, from the {@code SCHEMACLONE_TEST_URL} system property or
 * environment variable: a JDBC URL whose {@code user} and {@code password} parameters are
 * the credentials. It defaults to root on 127.0.0.1:3306.
 */
public final class TestServer {

	public static final String SETTING = "SCHEMACLONE_TEST_URL";

	public static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/?user=root";

	private TestServer() {
	}

	/**
	 * Return the configured URL as given.
	 * @return the URL with credentials
	 */
	public static String url() {
		String url = System.getProperty(SETTING, System.getenv(SETTING));
		return (url == null || url.isBlank()) ? DEFAULT_URL : url;
	}

	/**
	 * Return the configured server, with the credentials taken out of the URL.
	 * @return the server
	 */
	public static DatabaseServer server() {
		return DatabaseServer.fromUrlWithCredentials(url());
	}

	/**
	 * Run statements on the server outside any schema.
	 * @param sql the statements
	 */
	public static void execute(String... sql) {
		try (Connection connection = server().open(); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
