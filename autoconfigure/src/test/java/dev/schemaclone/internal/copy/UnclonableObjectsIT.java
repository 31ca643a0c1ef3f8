package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.schemaclone.internal.server.SchemaCloneException;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reading a schema with an object that a clone would leave out, share or copy differently
 * fails, naming the object and why.
 */
class UnclonableObjectsIT {

	private static final String SCHEMA = "it_unclonable_probe";

	private static final String OTHER = "it_unclonable_other";

	private Connection connection;

	@BeforeEach
	void createSchemas() throws SQLException {
		this.connection = TestServer.server().open();
		TestServer.execute("DROP DATABASE IF EXISTS " + SCHEMA, "DROP DATABASE IF EXISTS " + OTHER,
				"CREATE DATABASE " + SCHEMA, "CREATE DATABASE " + OTHER,
				"CREATE TABLE " + OTHER + ".shared (id INT PRIMARY KEY)",
				"CREATE TABLE " + SCHEMA + ".own (id INT PRIMARY KEY)");
	}

	@AfterEach
	void dropSchemas() throws SQLException {
		TestServer.execute("DROP DATABASE IF EXISTS " + SCHEMA, "DROP DATABASE IF EXISTS " + OTHER);
		this.connection.close();
	}

	@Test
	void viewReadingATableOfAnotherSchemaIsRefused() {
		TestServer.execute("CREATE VIEW " + SCHEMA + ".v_own AS SELECT o.id, 'x' AS label FROM " + SCHEMA + ".own o",
				"CREATE VIEW " + SCHEMA + ".v_mixed AS SELECT o.id FROM " + SCHEMA + ".own o JOIN " + OTHER
						+ ".shared s ON s.id = o.id");
		assertRefused("view 'v_mixed' uses base table '" + OTHER
				+ "'.'shared' of another schema, which every clone would share");
	}

	@Test
	void viewsOverTheServersOwnSchemasAndTheirOwnTablesAreRead() {
		TestServer.execute("CREATE VIEW " + SCHEMA + ".v_own AS SELECT o.id FROM " + SCHEMA + ".own o",
				"CREATE VIEW " + SCHEMA + ".v_schemas AS SELECT SCHEMA_NAME FROM information_schema.SCHEMATA");
		assertThatNoException().isThrownBy(() -> TemplateDefinition.read(this.connection, SCHEMA));
	}

	@Test
	void foreignKeyToATableOfAnotherSchemaIsRefused() {
		TestServer.execute("CREATE TABLE " + SCHEMA
				+ ".child (id INT PRIMARY KEY, shared_id INT, FOREIGN KEY (shared_id) REFERENCES " + OTHER
				+ ".shared (id))");
		assertRefused("table 'child' uses base table '" + OTHER + "'.'shared' of another schema");
	}

	@Test
	void mergeTableIsRefused() {
		TestServer.execute("CREATE TABLE " + SCHEMA + ".part (id INT NOT NULL) ENGINE=MyISAM",
				"CREATE TABLE " + SCHEMA + ".whole (id INT NOT NULL) ENGINE=MRG_MyISAM UNION=(" + SCHEMA + ".part)");
		assertRefused("table 'whole' uses the MRG_MyISAM engine, whose rows a copy cannot reproduce");
	}

	@Test
	void historyKeptByTransactionIdsIsRefused() throws SQLException {
		assumeTrue(isMariaDb(), "MySQL has no system-versioned tables");
		TestServer.execute("CREATE TABLE " + SCHEMA
				+ ".audit (id INT PRIMARY KEY, trx_from BIGINT UNSIGNED GENERATED ALWAYS AS ROW START,"
				+ " trx_to BIGINT UNSIGNED GENERATED ALWAYS AS ROW END, PERIOD FOR SYSTEM_TIME (trx_from, trx_to)) ENGINE=InnoDB WITH SYSTEM VERSIONING");
		assertRefused("system-versioned table 'audit' keeps its history by transaction ids ('trx_from' is bigint)");
	}

	private void assertRefused(String message) {
		assertThatExceptionOfType(SchemaCloneException.class)
			.isThrownBy(() -> TemplateDefinition.read(this.connection, SCHEMA))
			.withMessageStartingWith("Cannot clone template '" + SCHEMA + "': ")
			.withMessageContaining(message);
	}

	private boolean isMariaDb() throws SQLException {
		return TemplateDefinition.rows(this.connection, "SELECT VERSION()", 1).get(0)[0].contains("MariaDB");
	}

}
