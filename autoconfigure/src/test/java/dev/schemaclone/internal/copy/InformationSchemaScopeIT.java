package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The queries a claim, a reset and a template read run on {@code information_schema} read
 * one schema, not every schema of the server: MariaDB fills such a view from every table
 * of every schema unless the filter names the column it looks schemas up by, and a test
 * server holds a dozen clones of each template. MariaDB's {@code EXPLAIN} tells which
 * (MySQL 8 reads its data dictionary and has no such scan).
 */
class InformationSchemaScopeIT {

	private static final String SCHEMA = "it_scope_probe";

	private Connection connection;

	@BeforeEach
	void createSchema() throws SQLException {
		this.connection = TestServer.server().open();
		assumeThat(this.connection.getMetaData().getDatabaseProductVersion()).as("MariaDB's EXPLAIN")
			.containsIgnoringCase("mariadb");
		execute("DROP DATABASE IF EXISTS " + SCHEMA, "CREATE DATABASE " + SCHEMA, "USE " + SCHEMA,
				"CREATE TABLE shelf (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20))",
				"CREATE TABLE book (id INT PRIMARY KEY, shelf_id INT, FOREIGN KEY (shelf_id) REFERENCES shelf (id))",
				"CREATE VIEW shelf_names AS SELECT name FROM shelf",
				"CREATE TRIGGER shelf_named BEFORE INSERT ON shelf FOR EACH ROW SET NEW.name = UPPER(NEW.name)",
				"INSERT INTO shelf (name) VALUES ('fiction')");
	}

	@AfterEach
	void dropSchema() throws SQLException {
		if (this.connection != null) {
			execute("DROP DATABASE IF EXISTS " + SCHEMA);
			this.connection.close();
		}
	}

	@Test
	void theStateQueryReadsOneSchema() throws SQLException {
		TemplateDefinition definition = TemplateDefinition.read(this.connection, SCHEMA);
		PristineState pristine = PristineState.read(this.connection, definition);
		String sql = new StateQuery(pristine.catalog(), definition.tables(), SCHEMA).sql();
		assertThat(scannedViews(sql)).isNotEmpty().noneMatch((view) -> view.contains("Scanned all databases"));
	}

	@Test
	void theTriggersOfATemplateAreReadFromOneSchema() throws SQLException {
		assertThat(scannedViews(TemplateDefinition.triggersOf(SCHEMA))).singleElement()
			.asString()
			.contains("TRIGGERS")
			.contains("Scanned 1 database");
	}

	/**
	 * Return, for each {@code information_schema} view a query reads, its name and how
	 * many databases MariaDB scans for it.
	 */
	private List<String> scannedViews(String sql) throws SQLException {
		List<String> views = new ArrayList<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet plan = statement.executeQuery("EXPLAIN " + sql)) {
			while (plan.next()) {
				String extra = plan.getString("Extra");
				if (extra != null && extra.contains("Scanned")) {
					views.add(plan.getString("table") + ": " + extra);
				}
			}
		}
		return views;
	}

	private void execute(String... sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

}
