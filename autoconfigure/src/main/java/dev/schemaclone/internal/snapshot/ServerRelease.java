package dev.schemaclone.internal.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which server product, version and defaults a snapshot was taken on: a template restored
 * on another may differ in what the server made of the same statements.
 *
 * @param product {@code MariaDB} or {@code MySQL}
 * @param version the version number, such as {@code 11.4.5}, without a build's suffix
 * @param settings a short digest of the session's settings that shape what migrations
 * make, such as the default character set, storage engine and SQL mode
 */
record ServerRelease(String product, String version, String settings) {

	private static final Pattern NUMBER = Pattern.compile("^\\d+(?:\\.\\d+)*");

	/**
	 * The settings a migration's tables, columns, routines and values follow when its
	 * statements do not say: the same statements make another template where one differs.
	 */
	private static final String SETTINGS = "SHOW SESSION VARIABLES WHERE Variable_name IN ('character_set_server',"
			+ " 'collation_server', 'character_set_collations', 'default_storage_engine', 'innodb_default_row_format',"
			+ " 'explicit_defaults_for_timestamp', 'lower_case_table_names', 'sql_mode', 'time_zone',"
			+ " 'system_time_zone', 'div_precision_increment')";

	/**
	 * Return the release of the server a connection is on, from {@code VERSION()}: such
	 * as {@code 11.4.5-MariaDB-log} on MariaDB, {@code 8.4.3} on MySQL; with the settings
	 * of the connection's session, which are those of the sessions that migrate.
	 */
	static ServerRelease of(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			String version;
			try (ResultSet result = statement.executeQuery("SELECT VERSION()")) {
				result.next();
				version = result.getString(1);
			}
			Matcher number = NUMBER.matcher(version);
			return new ServerRelease(version.contains("MariaDB") ? "MariaDB" : "MySQL",
					number.find() ? number.group() : "unknown", settings(statement));
		}
	}

	private static String settings(Statement statement) throws SQLException {
		StringBuilder settings = new StringBuilder();
		try (ResultSet result = statement.executeQuery(SETTINGS)) {
			while (result.next()) {
				settings.append(result.getString(1)).append('=').append(result.getString(2)).append('\n');
			}
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(settings.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	/**
	 * Return the release as a snapshot's file name carries it.
	 * @return such as {@code MariaDB-11.4.5-1a2b3c4d}
	 */
	String tag() {
		return this.product + "-" + this.version + "-" + this.settings;
	}

	@Override
	public String toString() {
		return this.product + " " + this.version + " (settings " + this.settings + ")";
	}

}
