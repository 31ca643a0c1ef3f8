package dev.schemaclone.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.schemaclone.autoconfigure.ZeroSetupServers;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.SchemaDrop;

/**
 * The server the tests run against, from the {@code SCHEMACLONE_TEST_URL} system property
 * or environment variable: a JDBC URL whose {@code user} and {@code password} parameters
 * are the credentials. Unset, it is root on 127.0.0.1:3306 when that answers, else the
 * zero-setup server, so that the build passes on a machine with nothing but a JDK.
 */
public final class TestServer {

	public static final String SETTING = "SCHEMACLONE_TEST_URL";

	public static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/?user=root";

	private static String fallback;

	private TestServer() {
	}

	/**
	 * Return the configured URL as given.
	 * @return the URL with credentials
	 */
	public static String url() {
		String url = System.getProperty(SETTING, System.getenv(SETTING));
		if (url != null && !url.isBlank()) {
			return url;
		}
		synchronized (TestServer.class) {
			if (fallback == null) {
				fallback = answers(DEFAULT_URL) ? DEFAULT_URL : ZeroSetupServers.urlWithCredentials();
			}
			return fallback;
		}
	}

	private static boolean answers(String url) {
		try (Connection connection = DriverManager.getConnection(url + "&connectTimeout=2000")) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
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

	/**
	 * Return the schemas whose names match a {@code LIKE} pattern, in name order.
	 * @param pattern the pattern, {@code _} escaped where meant literally
	 * @return the names
	 */
	public static List<String> schemasLike(String pattern) {
		List<String> schemas = new ArrayList<>();
		try (Connection connection = server().open();
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '"
							+ pattern + "' ORDER BY 1")) {
			while (result.next()) {
				schemas.add(result.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return schemas;
	}

	/**
	 * Drop every schema of a test prefix, the registry included. A schema the server will
	 * not drop is reported, not failed on: the tests' names are unique per run, and what
	 * a user would notice of a failed drop is asserted where the product drops.
	 */
	public static void dropAll(String prefix) {
		try (Connection connection = server().open()) {
			for (String schema : schemasLike(prefix.replace("_", "\\_") + "\\_%")) {
				try {
					SchemaDrop.dropIfExists(connection, schema);
				}
				catch (SQLException ex) {
					System.err.println("Test clean-up left schema '" + schema + "': " + ex.getMessage());
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
