package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.schemaclone.internal.copy.CloneReset;
import dev.schemaclone.internal.copy.CloneReset.Outcome;
import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.server.SchemaCloneException;
import dev.schemaclone.testsupport.SchemaSnapshot;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * After what tests do to a clone, a reset leaves it indistinguishable from its template:
 * every object, every row (by checksum), every {@code AUTO_INCREMENT} counter (in
 * {@code SHOW CREATE TABLE}).
 */
@ExtendWith(OutputCaptureExtension.class)
class CloneResetIT {

	private static final String PREFIX = "it_reset";

	private static SchemaWorkspace workspace;

	private static String template;

	private static SchemaSnapshot pristine;

	private String clone;

	private CloneReset reset;

	@BeforeAll
	static void buildTemplate() throws SQLException {
		TestServer.dropAll(PREFIX);
		workspace = TestTemplates.workspace(PREFIX);
		template = workspace.template(new FlywayMigrationSet(Flyway.configure().locations(TestTemplates.fidelity())));
		try (Connection connection = TestServer.server().open()) {
			pristine = SchemaSnapshot.of(connection, template);
		}
	}

	@AfterAll
	static void dropSchemas() {
		workspace.close();
		TestServer.dropAll(PREFIX);
	}

	@BeforeEach
	void cloneTemplate() {
		this.clone = workspace.createClone(template);
		this.reset = workspace.resetOf(this.clone, template);
	}

	@AfterEach
	void dropClone() {
		this.reset.close();
		workspace.drop(this.clone);
	}

	@Test
	void untouchedCloneNeedsNothing() throws SQLException {
		assertThat(this.reset.reset("untouched")).isEqualTo(Outcome.CLEAN);
		assertPristine();
	}

	@Test
	void rowsWrittenUpdatedAndDeletedAreRestoredWithTheirCounters() throws SQLException {
		execute("INSERT INTO author (name) VALUES ('Octavia E. Butler'), ('N. K. Jemisin')",
				"INSERT INTO book (id, author_id, title, isbn) VALUES (5000, 3, ' Kindred ', '9780807083697')",
				"INSERT INTO book (author_id, title, isbn) VALUES (4, 'The Fifth Season', '9780316229296')",
				"UPDATE category SET name = 'sci-fi' WHERE id = 1", "DELETE FROM category WHERE id = 2",
				"CALL add_loan(1000, 'ada')", "INSERT INTO stamp (note) VALUES ('new')",
				"UPDATE stamp SET note = 'touched' WHERE note = 'old'", "INSERT INTO empty_table (id) VALUES (1)",
				"INSERT INTO place (id, location) VALUES (2, ST_GeomFromText('POINT(3 4)'))");
		assertThat(this.reset.reset("writes")).isEqualTo(Outcome.ROWS);
		assertPristine();
		execute("INSERT INTO book (author_id, title, isbn) VALUES (1, 'Next', '0000000000001')");
		// A fresh clone's next id: the template's counter stood at 1003.
		assertThat(TestTemplates.queryInt("SELECT MAX(id) FROM `" + this.clone + "`.book")).isEqualTo(1003);
	}

	@Test
	void aRolledBackInsertOnlyMovesACounterBack() throws SQLException {
		try (Connection connection = TestServer.server().open(this.clone);
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.execute("INSERT INTO loan (book_id, member) VALUES (1000, 'rolled back')");
			connection.rollback();
		}
		assertThat(this.reset.reset("rolled back")).isEqualTo(Outcome.ROWS);
		assertPristine();
	}

	@Test
	void addedColumnIsUndone() throws SQLException {
		execute("ALTER TABLE book ADD COLUMN subtitle VARCHAR(100) NULL");
		assertReplaced();
	}

	@Test
	void addedIndexIsUndone() throws SQLException {
		execute("CREATE INDEX ix_loan_member ON loan (member)");
		assertReplaced();
	}

	@Test
	void createdTableViewAndRoutineAreUndone() throws SQLException {
		execute("CREATE TABLE scratch (id INT PRIMARY KEY)", "CREATE VIEW v_scratch AS SELECT id FROM scratch",
				"CREATE FUNCTION answer() RETURNS INT DETERMINISTIC RETURN 42");
		assertReplaced();
	}

	@Test
	void droppedTableIsUndone() throws SQLException {
		execute("DROP TABLE empty_table");
		assertReplaced();
	}

	@Test
	void changedTriggerIsUndone() throws SQLException {
		execute("DROP TRIGGER trg_book_title",
				"CREATE TRIGGER trg_book_title BEFORE INSERT ON book FOR EACH ROW SET NEW.title = UPPER(NEW.title)");
		assertReplaced();
	}

	@Test
	void transactionLeftOpenIsEndedWithAWarningAndTheCloneMadeAgain(CapturedOutput output) throws Exception {
		// Never closed, as a test that leaks it would: the reset ends its session.
		Connection leaked = TestServer.server().open(this.clone);
		leaked.setAutoCommit(false);
		try (Statement statement = leaked.createStatement()) {
			statement.execute("UPDATE category SET name = 'held' WHERE id = 2");
		}
		// InnoDB serves INNODB_TRX from a cache it refreshes at most every 0.1 s: a
		// transaction younger than the last refresh is not listed yet.
		Thread.sleep(150);
		long start = System.nanoTime();
		assertThat(this.reset.reset("LeakyTests.leaves()")).isEqualTo(Outcome.REPLACED);
		assertThat(System.nanoTime() - start).isLessThan(CloneReset.LOCK_WAIT.toNanos() * 4);
		assertThat(leaked.isValid(5)).isFalse();
		assertThat(output).contains("LeakyTests.leaves() left a transaction open on schema '" + this.clone + "'");
		assertPristine();
	}

	/**
	 * A session outside the clone (so no reset ends it) holds a table lock: the restore
	 * and both attempts to make the clone again wait for it past their bound. The reset
	 * throws, naming why; once the lock is gone, the next reset brings it back, whatever
	 * the failed attempts left.
	 */
	@Test
	void aResetThatCanNeitherRestoreNorRemakeThrowsAndTheNextOneRemakes(CapturedOutput output) throws SQLException {
		execute("INSERT INTO stamp (note) VALUES ('dirty')");
		try (Connection locker = TestServer.server().open(); Statement statement = locker.createStatement()) {
			statement.execute("LOCK TABLES `" + this.clone + "`.stamp READ");
			assertThatExceptionOfType(SchemaCloneException.class)
				.isThrownBy(() -> this.reset.reset("BlockedTests.writes()"))
				.withMessageContaining("Cannot reset schema '" + this.clone + "'")
				.withMessageContaining("after BlockedTests.writes()")
				.withMessageContaining("nor make it again")
				.withMessageContaining("Lock wait timeout");
			assertThat(output).contains("Could not reset schema '" + this.clone + "' after BlockedTests.writes()");
			statement.execute("UNLOCK TABLES");
		}
		assertThat(this.reset.reset("the next test")).isNotEqualTo(Outcome.CLEAN);
		assertPristine();
	}

	@Test
	void sequencesATestAdvancedGiveTheirValuesAgain() throws SQLException {
		assumeTrue(TestTemplates.serverIsMariaDb(), "MySQL has no sequences");
		String next = "SELECT NEXTVAL(`" + this.clone + "`.book_seq)";
		assertThat(TestTemplates.queryInt(next)).isEqualTo(151);
		// From the cache: only the first moved the row.
		assertThat(TestTemplates.queryInt(next)).isEqualTo(201);
		execute("INSERT INTO ticket (note) VALUES ('by a test')");
		assertThat(this.reset.reset("sequences")).isEqualTo(Outcome.ROWS);
		assertPristine();
		assertThat(TestTemplates.queryInt(next)).isEqualTo(151);
		execute("INSERT INTO ticket (note) VALUES ('by the next test')");
		assertThat(TestTemplates.queryInt("SELECT MAX(id) FROM `" + this.clone + "`.ticket")).isEqualTo(101);
	}

	@Test
	void alteredSequenceIsUndone() throws SQLException {
		assumeTrue(TestTemplates.serverIsMariaDb(), "MySQL has no sequences");
		execute("ALTER SEQUENCE book_seq INCREMENT BY 7 CACHE 10");
		assertThat(this.reset.reset("altered")).isNotEqualTo(Outcome.CLEAN);
		assertPristine();
		assertThat(TestTemplates
			.queryInt("SELECT NEXTVAL(`" + this.clone + "`.book_seq) + NEXTVAL(`" + this.clone + "`.book_seq)"))
			.isEqualTo(151 + 201);
	}

	@Test
	void historyATestWroteOrDeletedIsRestored() throws SQLException {
		assumeTrue(TestTemplates.serverIsMariaDb(), "MySQL has no system-versioned tables");
		execute("UPDATE price SET amount = 12.00 WHERE id = 2", "DELETE FROM rate", "INSERT INTO retired VALUES (2)",
				"DELETE HISTORY FROM price", "UPDATE booking SET stay_to = '2024-01-09'");
		assertThat(this.reset.reset("history")).isEqualTo(Outcome.ROWS);
		try (Connection connection = TestServer.server().open()) {
			assertThat(SchemaSnapshot.exact(connection, this.clone)
				.firstDifference(SchemaSnapshot.exact(connection, template))).isNull();
		}
	}

	private void assertReplaced() throws SQLException {
		assertThat(this.reset.reset("ddl")).isEqualTo(Outcome.REPLACED);
		assertPristine();
	}

	private void assertPristine() throws SQLException {
		try (Connection connection = TestServer.server().open()) {
			SchemaSnapshot actual = SchemaSnapshot.of(connection, this.clone);
			pristine.facts().forEach((kind, rows) -> assertThat(actual.facts().get(kind)).as(kind).isEqualTo(rows));
		}
	}

	private void execute(String... sql) throws SQLException {
		try (Connection connection = TestServer.server().open(this.clone);
				Statement statement = connection.createStatement()) {
			for (String one : sql) {
				statement.execute(one);
			}
		}
	}

}
