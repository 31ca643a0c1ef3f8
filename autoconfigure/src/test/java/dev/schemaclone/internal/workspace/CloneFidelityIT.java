package dev.schemaclone.internal.workspace;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.testsupport.SchemaSnapshot;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A clone cannot be told from its template, object by object, and behaves as a schema of
 * its own.
 */
class CloneFidelityIT {

	private static final String PREFIX = "it_fidelity";

	private static SchemaWorkspace workspace;

	private static String template;

	private static String clone;

	@BeforeAll
	static void cloneTemplate() {
		TestServer.dropAll(PREFIX);
		workspace = TestTemplates.workspace(PREFIX);
		template = workspace.template(new FlywayMigrationSet(Flyway.configure().locations(TestTemplates.fidelity())));
		clone = workspace.createClone(template);
	}

	@AfterAll
	static void dropSchemas() {
		workspace.close();
		TestServer.dropAll(PREFIX);
	}

	@Test
	void cloneMatchesTemplateObjectByObject() throws SQLException {
		try (Connection connection = TestServer.server().open()) {
			SchemaSnapshot expected = SchemaSnapshot.of(connection, template);
			SchemaSnapshot actual = SchemaSnapshot.of(connection, clone);
			assertThat(actual.facts()).isEqualTo(expected.facts());
			assertThat(expected.count("referential_constraints")).isEqualTo(5);
			assertThat(expected.count("check_constraints")).isGreaterThanOrEqualTo(2);
			assertThat(expected.count("views")).isEqualTo(3);
			assertThat(expected.count("triggers")).isEqualTo(4);
			assertThat(expected.count("routines")).isEqualTo(4);
			assertThat(expected.count("events")).isEqualTo(TestTemplates.serverHasEvents() ? 2 : 0);
			assertThat(expected.count("partitions")).isEqualTo(2);
			assertThat(expected.facts().get("statistics")).anyMatch((row) -> row.contains("FULLTEXT"))
				.anyMatch((row) -> row.contains("SPATIAL"));
		}
	}

	@Test
	void cloneKeepsAutoIncrementCountersAndZeroKeys() {
		assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + clone + "`.category WHERE id = 0")).isEqualTo(1);
		TestServer
			.execute("INSERT INTO `" + clone + "`.book (author_id, title, isbn) VALUES (1, 'Next', '0000000000001')");
		// The template's counter stood at 1003 after a deleted row; a clone restarting at
		// max+1 would give 1002.
		assertThat(TestTemplates.queryInt("SELECT MAX(id) FROM `" + clone + "`.book")).isEqualTo(1003);
	}

	@Test
	void viewsReadTheClonesTables() {
		TestServer.execute("INSERT INTO `" + clone + "`.author (name) VALUES ('Octavia E. Butler')", "INSERT INTO `"
				+ clone + "`.book (id, author_id, title, isbn) VALUES (10, 3, 'Kindred', '9780807083697')");
		assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + clone + "`.a_short_books WHERE title = 'Kindred'"))
			.isEqualTo(1);
		assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + template + "`.book_view")).isEqualTo(2);
	}

	@Test
	void routinesAndTriggersWorkInTheClone() throws SQLException {
		try (Connection connection = TestServer.server().open(clone);
				CallableStatement call = connection.prepareCall("{call add_loan(1000, 'ada')}")) {
			call.execute();
		}
		assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + clone + "`.audit_log")).isEqualTo(2);
		assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + template + "`.audit_log")).isZero();
		assertThat(TestTemplates.queryInt("SELECT `" + clone + "`.book_count(2)")).isEqualTo(1);
	}

	@Test
	void viewCallsTheClonesFunctionAndTriggerTheClonesProcedure() {
		assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + clone + "`.v_book_fees WHERE fee = 1.83"))
			.isEqualTo(1);
		TestServer.execute("INSERT INTO `" + clone + "`.stamp (note) VALUES ('new')");
		assertThat(
				TestTemplates.queryInt("SELECT COUNT(*) FROM `" + clone + "`.stamp_log WHERE message = 'stamped new'"))
			.isEqualTo(1);
		assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + template + "`.stamp_log")).isZero();
	}

	@Test
	void expressionDefaultsKeepTheTemplatesValues() {
		assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + clone + "`.stamp WHERE note = 'old'"
				+ " AND created_at = '2001-02-03 04:05:06' AND updated_at = '2001-02-03 04:05:07' AND tags = '[]'"))
			.isEqualTo(1);
		assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + clone + "`.stamp c JOIN `" + template
				+ "`.stamp t ON t.uid = c.uid JOIN `" + clone + "`.stamp_child k ON k.stamp_uid = c.uid"))
			.isEqualTo(1);
	}

	@Test
	void eventsAreDisabledInTheTemplateAndTheClone() {
		assumeTrue(TestTemplates.serverHasEvents(), "the server cannot create events");
		String enabled = "SELECT COUNT(*) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = '%s' AND STATUS <> 'DISABLED'";
		assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = '"
				+ clone + "' AND EVENT_NAME = 'ev_count_stamps'"))
			.isEqualTo(1);
		assertThat(TestTemplates.queryInt(enabled.formatted(template))).isZero();
		assertThat(TestTemplates.queryInt(enabled.formatted(clone))).isZero();
	}

	@Test
	void flywayFindsTheCloneFullyMigrated() {
		Flyway flyway = Flyway.configure()
			.locations(TestTemplates.fidelity())
			.dataSource(workspace.server().urlOf(clone).toJdbcUrl(), workspace.server().username(),
					workspace.server().password())
			.load();
		flyway.validate();
		assertThat(flyway.migrate().migrationsExecuted).isZero();
	}

	@Test
	void rangerHistoryClonesObjectByObject() throws SQLException {
		assumeTrue(TestTemplates.rangerPresent(),
				"the Apache Ranger corpus is not beside the checkout at " + TestTemplates.RANGER);
		String ranger = workspace
			.template(new FlywayMigrationSet(Flyway.configure().locations("filesystem:" + TestTemplates.RANGER)));
		String rangerClone = workspace.createClone(ranger);
		try (Connection connection = TestServer.server().open()) {
			SchemaSnapshot expected = SchemaSnapshot.of(connection, ranger);
			assertThat(SchemaSnapshot.of(connection, rangerClone).facts()).isEqualTo(expected.facts());
			assertThat(expected.count("referential_constraints")).isEqualTo(182);
			assertThat(expected.count("views")).isEqualTo(2);
			assertThat(expected.count("routines")).isEqualTo(14);
		}
		Flyway flyway = Flyway.configure()
			.locations("filesystem:" + TestTemplates.RANGER)
			.dataSource(workspace.server().urlOf(rangerClone).toJdbcUrl(), workspace.server().username(),
					workspace.server().password())
			.load();
		assertThat(flyway.migrate().migrationsExecuted).isZero();
	}

	@Test
	void sequencesGiveWhatAPlainlyMigratedSchemasGive() {
		assumeTrue(TestTemplates.serverIsMariaDb(), "MySQL has no sequences");
		String fresh = workspace.createClone(template);
		String plain = PREFIX + "_plain";
		TestServer.execute("CREATE DATABASE " + plain);
		Flyway.configure()
			.locations(TestTemplates.fidelity())
			.dataSource(workspace.server().urlOf(plain).toJdbcUrl(), workspace.server().username(),
					workspace.server().password())
			.load()
			.migrate();
		// The history took 1, 51 and 101; the template's row says 151, where a plain
		// one's says 50001.
		assertThat(TestTemplates.queryInt("SELECT next_not_cached_value FROM `" + template + "`.book_seq"))
			.isEqualTo(151);
		for (String sql : new String[] { "SELECT NEXTVAL(`%s`.book_seq)", "SELECT NEXTVAL(`%s`.book_seq)",
				"INSERT INTO `%s`.ticket (note) VALUES ('second')", "SELECT MAX(id) FROM `%s`.ticket" }) {
			if (sql.startsWith("INSERT")) {
				TestServer.execute(sql.formatted(fresh), sql.formatted(plain));
			}
			else {
				assertThat(TestTemplates.queryInt(sql.formatted(fresh))).as(sql)
					.isEqualTo(TestTemplates.queryInt(sql.formatted(plain)));
			}
		}
		assertThat(TestTemplates.queryInt("SELECT MAX(id) FROM `" + fresh + "`.ticket")).isEqualTo(101);
		assertThat(TestTemplates.queryInt("SELECT next_not_cached_value FROM `" + template + "`.ticket_seq"))
			.isEqualTo(101);
		assertThat(TestTemplates.queryInt("SELECT next_not_cached_value FROM `" + template + "`.book_seq"))
			.isEqualTo(151);
	}

	@Test
	void historiesAndSequencesEqualTheTemplatesRowForRow() throws SQLException {
		assumeTrue(TestTemplates.serverIsMariaDb(), "MySQL has no system-versioned tables");
		String fresh = workspace.createClone(template);
		try (Connection connection = TestServer.server().open()) {
			SchemaSnapshot expected = SchemaSnapshot.exact(connection, template);
			assertThat(SchemaSnapshot.exact(connection, fresh).firstDifference(expected)).isNull();
			assertThat(expected.facts().get("row_content")).filteredOn((row) -> row.startsWith("price:")).hasSize(3);
			assertThat(expected.facts().get("row_content")).filteredOn((row) -> row.startsWith("rate:")).hasSize(2);
			assertThat(expected.facts().get("row_content")).filteredOn((row) -> row.startsWith("retired:")).hasSize(1);
		}
		String history = "SELECT COUNT(*) FROM `%s`.price FOR SYSTEM_TIME AS OF TIMESTAMP '2000-01-01 00:00:00'";
		assertThat(TestTemplates.queryInt(history.formatted(fresh))).isZero();
		TestServer.execute("INSERT INTO `" + fresh + "`.booking VALUES (2, '2024-02-01', '2024-02-03')");
		assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + fresh + "`.booking")).isEqualTo(2);
		assertThatExceptionOfType(IllegalStateException.class).as("the application-time period's check")
			.isThrownBy(() -> TestServer
				.execute("INSERT INTO `" + fresh + "`.booking VALUES (3, '2024-02-03', '2024-02-01')"));
	}

	@Test
	void droppingTheCloneLeavesTheTemplate() throws SQLException {
		String another = workspace.createClone(template);
		workspace.drop(another);
		assertThat(TestServer.schemasLike(another)).isEmpty();
		try (Connection connection = TestServer.server().open(template);
				Statement statement = connection.createStatement()) {
			assertThat(statement.executeQuery("SELECT 1 FROM book LIMIT 1").next()).isTrue();
		}
	}

}
