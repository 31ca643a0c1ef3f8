package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.schemaclone.internal.copy.CloneReset;
import dev.schemaclone.internal.copy.CloneReset.Outcome;
import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes that the reset's state query reads the same as the source's state: each test
 * makes one, resets, and asks the clone directly whether the change is gone.
 */
class ResetBlindSpotsIT {

	private static final String PREFIX = "it_atk";

	private static SchemaWorkspace workspace;

	private static String template;

	private String clone;

	private CloneReset reset;

	@BeforeAll
	static void buildTemplate() {
		TestServer.dropAll(PREFIX);
		workspace = TestTemplates.workspace(PREFIX);
		template = workspace.template(new FlywayMigrationSet(Flyway.configure().locations("classpath:attack")));
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

	/**
	 * The catalog digest reads no {@code KEY_COLUMN_USAGE} (nor, on MariaDB,
	 * {@code TABLE_CONSTRAINTS}): a foreign key moved to another indexed column keeps its
	 * name, its referenced table and its rules, so no fact read changes.
	 */
	@Test
	void foreignKeyMovedToAnotherColumnIsUndone() throws SQLException {
		execute("ALTER TABLE child DROP FOREIGN KEY fk_child_parent",
				"ALTER TABLE child ADD CONSTRAINT fk_child_parent FOREIGN KEY (b) REFERENCES parent (id)");
		Outcome outcome = this.reset.reset("moved foreign key");
		assertThat(
				query("SELECT GROUP_CONCAT(COLUMN_NAME) FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = '"
						+ this.clone + "' AND CONSTRAINT_NAME = 'fk_child_parent'"))
			.as("column of the foreign key after a reset that said %s", outcome)
			.isEqualTo("a");
	}

	/**
	 * {@code CAST(… AS BINARY)} of an {@code ENUM} is its member's text: the error value
	 * (index 0, written by {@code UPDATE IGNORE} or in a non-strict mode) and a member
	 * {@code ''} both read {@code ''}.
	 */
	@Test
	void enumErrorValueInPlaceOfEmptyMemberIsUndone() throws SQLException {
		execute("UPDATE IGNORE choice SET pick = 'not a member' WHERE id = 1");
		assertThat(query("SELECT pick + 0 FROM `" + this.clone + "`.choice WHERE id = 1")).isEqualTo("0");
		Outcome outcome = this.reset.reset("enum error value");
		assertThat(query("SELECT pick + 0 FROM `" + this.clone + "`.choice WHERE id = 1"))
			.as("index of the enum after a reset that said %s", outcome)
			.isEqualTo("1");
	}

	/**
	 * A row whose quoted values together exceed {@code max_allowed_packet}:
	 * {@code CONCAT_WS} returns {@code NULL} (a warning, not an error), so does
	 * {@code SHA2}, and {@code SUM} skips it; only the row count remains, so any change
	 * within such a row goes unseen.
	 */
	@Test
	void changeInARowLargerThanMaxAllowedPacketIsUndone() throws SQLException {
		execute("UPDATE attachment SET front = REPEAT('z', 9000000) WHERE id = 1");
		Outcome outcome = this.reset.reset("large row");
		assertThat(
				query("SELECT CONCAT(LEFT(front, 1), LENGTH(front)) FROM `" + this.clone + "`.attachment WHERE id = 1"))
			.as("first byte and length of the blob after a reset that said %s", outcome)
			.isEqualTo("x9000000");
	}

	/**
	 * The catalog digest takes the schema's own name out of every value, so a definition
	 * that gains exactly that name, here in a string literal, reads as before.
	 */
	@Test
	void viewWhoseLiteralGainsTheSchemasNameIsUndone() throws SQLException {
		execute("CREATE OR REPLACE VIEW v_label AS SELECT id, CAST('a" + this.clone
				+ "b' AS CHAR(60)) AS label FROM parent");
		Outcome outcome = this.reset.reset("view literal");
		assertThat(query("SELECT label FROM `" + this.clone + "`.v_label WHERE id = 1"))
			.as("the view's literal after a reset that said %s", outcome)
			.isEqualTo("ab");
	}

	/**
	 * A function whose parameter and result change character set: the digest reads their
	 * {@code DTD_IDENTIFIER}s ({@code varchar(10)} either way) and neither
	 * {@code CHARACTER_SET_NAME}, so the latin1 function stays: a call with text beyond
	 * latin1 then fails with "Incorrect string value" in a strict mode, or gives
	 * {@code ?} in others.
	 */
	@Test
	void functionWhoseParameterChangesCharacterSetIsUndone() throws SQLException {
		execute("DROP FUNCTION echo_text",
				"CREATE FUNCTION echo_text(p VARCHAR(10) CHARSET latin1) RETURNS VARCHAR(10) CHARSET latin1 DETERMINISTIC RETURN p");
		Outcome outcome = this.reset.reset("function character set");
		assertThat(query(
				"SELECT GROUP_CONCAT(CHARACTER_SET_NAME ORDER BY ORDINAL_POSITION) FROM information_schema.PARAMETERS"
						+ " WHERE SPECIFIC_SCHEMA = '" + this.clone + "' AND SPECIFIC_NAME = 'echo_text'"))
			.as("character sets of the function's result and parameter after a reset that said %s", outcome)
			.isEqualTo("utf8mb4,utf8mb4");
	}

	private void execute(String... sql) throws SQLException {
		try (Connection connection = TestServer.server().open(this.clone);
				Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

	private static String query(String sql) throws SQLException {
		try (Connection connection = TestServer.server().open();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
