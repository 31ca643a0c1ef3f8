package dev.schemaclone.autoconfigure;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.schemaclone.testsupport.TestServer;

/**
 * What tests ask of a context's schema and of the server.
 */
final class ContextSchemas {

	private ContextSchemas() {
	}

	static String currentSchema(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForObject("SELECT DATABASE()", String.class);
	}

	static java.util.List<String> tables(String schema) {
		try (var connection = TestServer.server().open();
				var statement = connection.prepareStatement(
						"SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY 1")) {
			statement.setString(1, schema);
			java.util.List<String> tables = new java.util.ArrayList<>();
			try (var result = statement.executeQuery()) {
				while (result.next()) {
					tables.add(result.getString(1));
				}
			}
			return tables;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static boolean exists(String schema) {
		try (var connection = TestServer.server().open();
				var statement = connection
					.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
			statement.setString(1, schema);
			try (var result = statement.executeQuery()) {
				return result.next();
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
