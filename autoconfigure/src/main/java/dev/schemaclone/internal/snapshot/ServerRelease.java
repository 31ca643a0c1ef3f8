package dev.schemaclone.internal.snapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which server product and version a snapshot was taken on: a template restored on
 * another may differ in what the server made of the same statements.
 *
 * @param product {@code MariaDB} or {@code MySQL}
 * @param version the version number, such as {@code 11.4.5}, without a build's suffix
 */
record ServerRelease(String product, String version) {

	private static final Pattern NUMBER = Pattern.compile("^\\d+(?:\\.\\d+)*");

	/**
	 * Return the release of the server a connection is on, from {@code VERSION()}: such
	 * as {@code 11.4.5-MariaDB-log} on MariaDB, {@code 8.4.3} on MySQL.
	 */
	static ServerRelease of(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT VERSION()")) {
			result.next();
			String version = result.getString(1);
			Matcher number = NUMBER.matcher(version);
			return new ServerRelease(version.contains("MariaDB") ? "MariaDB" : "MySQL",
					number.find() ? number.group() : "unknown");
		}
	}

	/**
	 * Return the release as a snapshot's file name carries it.
	 * @return such as {@code MariaDB-11.4.5}
	 */
	String tag() {
		return this.product + "-" + this.version;
	}

	@Override
	public String toString() {
		return this.product + " " + this.version;
	}

}
