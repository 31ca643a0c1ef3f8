package dev.schemaclone.internal.coordination;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every process opens its workspace with {@link SchemaRegistry#create}: a registry an
 * older schemaclone made gets what it lacks, keeping its rows, and a complete one is left
 * alone without a statement of DDL.
 */
class SchemaRegistryIT {

	private static final String PREFIX = "it_registry";

	private static final String SCHEMA = PREFIX + "_registry";

	private static final List<String> COLUMNS = List.of("schema_name", "state", "owner", "fingerprint", "error",
			"created_at", "updated_at", "template", "lineage", "last_used_at", "application", "migrations",
			"build_millis", "clone_check");

	/** The registry of schemaclone's first version. */
	private static final String FIRST_REGISTRY = " (schema_name VARCHAR(64) NOT NULL PRIMARY KEY,"
			+ " state VARCHAR(16) NOT NULL, owner VARCHAR(16) NOT NULL, fingerprint VARCHAR(64) NOT NULL,"
			+ " error TEXT NULL, created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),"
			+ " updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB";

	@BeforeEach
	@AfterEach
	void dropRegistry() {
		TestServer.execute("DROP DATABASE IF EXISTS " + SCHEMA);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ", ADD COLUMN template VARCHAR(64) NULL, ADD COLUMN lineage VARCHAR(64) NULL" })
	void aRegistryOfAnOlderVersionGetsWhatItLacksAndKeepsItsRows(String addedSince) throws SQLException {
		TestServer.execute("CREATE DATABASE " + SCHEMA, "CREATE TABLE " + SCHEMA + ".owned_schema" + FIRST_REGISTRY,
				"ALTER TABLE " + SCHEMA + ".owned_schema ENGINE=InnoDB" + addedSince,
				"INSERT INTO " + SCHEMA + ".owned_schema (schema_name, state, owner, fingerprint)"
						+ " VALUES ('it_registry_tpl_0123456789abcdef', 'READY', 'cafebabe', 'f')");
		try (Connection connection = TestServer.server().open()) {
			new SchemaRegistry(PREFIX).create(connection);
			assertThat(columns(connection, "owned_schema")).containsExactlyInAnyOrderElementsOf(COLUMNS);
			assertThat(columns(connection, "owner_lease")).containsExactly("owner", "heartbeat_at", "grace_seconds");
			assertThat(new SchemaRegistry(PREFIX).findAll(connection)).singleElement()
				.satisfies((entry) -> assertThat(entry.state()).isEqualTo(SchemaRegistry.READY));
		}
	}

	@Test
	void aCompleteRegistryCostsNoDdl() throws SQLException {
		try (Connection connection = TestServer.server().open()) {
			new SchemaRegistry(PREFIX).create(connection);
			assertThat(columns(connection, "owned_schema")).containsExactlyElementsOf(COLUMNS);
			long before = ddlStatements(connection);
			new SchemaRegistry(PREFIX).create(connection);
			assertThat(ddlStatements(connection)).isEqualTo(before);
		}
	}

	private static List<String> columns(Connection connection, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT COLUMN_NAME FROM information_schema.COLUMNS" + " WHERE TABLE_SCHEMA = '"
							+ SCHEMA + "' AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION")) {
			while (result.next()) {
				columns.add(result.getString(1));
			}
		}
		return columns;
	}

	/**
	 * Return the DDL statements this session ran, as the server counts them.
	 */
	private static long ddlStatements(Connection connection) throws SQLException {
		long count = 0;
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW SESSION STATUS WHERE Variable_name IN"
						+ " ('Com_create_db', 'Com_create_table', 'Com_alter_table')")) {
			while (result.next()) {
				count += result.getLong(2);
			}
		}
		return count;
	}

}
