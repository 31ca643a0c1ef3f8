package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state a reset compares cannot be fooled by changes that cancel in a linear
 * aggregate (an XOR or a sum of CRC32s, or {@code CHECKSUM TABLE}'s one CRC across
 * adjacent values): each case makes such a change and finds the state read after it
 * unequal to the state before.
 */
class SchemaStateIT {

	private static final String SCHEMA = "it_state_probe";

	private Connection connection;

	private TemplateDefinition definition;

	@BeforeEach
	void createSchema() throws SQLException {
		this.connection = TestServer.server().open();
		execute("DROP DATABASE IF EXISTS " + SCHEMA,
				"CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci", "USE " + SCHEMA);
	}

	@AfterEach
	void dropSchema() throws SQLException {
		execute("DROP DATABASE IF EXISTS " + SCHEMA);
		this.connection.close();
	}

	@Test
	void fiveCountersWhoseCrcsXorAlikeAreTold() throws SQLException {
		String[] tables = { "author", "loan", "loan_log", "member", "note" };
		long[] before = { 3, 1, 1, 1000, 1 };
		long[] after = { 5, 3, 3, 1002, 5 };
		for (int i = 0; i < tables.length; i++) {
			execute("CREATE TABLE " + tables[i] + " (id INT AUTO_INCREMENT PRIMARY KEY) AUTO_INCREMENT = " + before[i]);
		}
		// The digest of today's counters could not tell these apart: both 1249887235.
		assertThat(crcXor("3, 1, 1, 1000, 1")).isEqualTo(crcXor("5, 3, 3, 1002, 5"));
		PristineState pristine = read();
		for (int i = 0; i < tables.length; i++) {
			execute("ALTER TABLE " + tables[i] + " AUTO_INCREMENT = " + after[i]);
		}
		SchemaState state = stateNow(pristine);
		assertThat(state.counters()).containsEntry("author", 5L).containsEntry("member", 1002L);
		assertThat(state).isNotEqualTo(pristine.state());
	}

	@Test
	void twoCountersMovingFromOneToTwoAreTold() throws SQLException {
		execute("CREATE TABLE parent (id INT AUTO_INCREMENT PRIMARY KEY)",
				"CREATE TABLE child (id INT AUTO_INCREMENT PRIMARY KEY, parent_id INT)");
		PristineState pristine = read();
		execute("INSERT INTO parent VALUES ()", "INSERT INTO child (parent_id) VALUES (1)", "DELETE FROM child",
				"DELETE FROM parent");
		SchemaState state = stateNow(pristine);
		assertThat(state.counters()).containsEntry("parent", 2L).containsEntry("child", 2L);
		assertThat(state.rows()).isEqualTo(pristine.state().rows());
		assertThat(state).isNotEqualTo(pristine.state());
	}

	@Test
	void twoColumnsWidenedAlikeAreTold() throws SQLException {
		execute("CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(20))",
				"CREATE TABLE b (id INT PRIMARY KEY, name VARCHAR(20))");
		PristineState pristine = read();
		execute("ALTER TABLE a MODIFY name VARCHAR(21)", "ALTER TABLE b MODIFY name VARCHAR(21)");
		assertThat(stateNow(pristine).catalog()).isNotEqualTo(pristine.state().catalog());
	}

	@Test
	void bytesShiftedBetweenAdjacentValuesAreTold() throws SQLException {
		execute("CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(20), b VARCHAR(40), c BLOB)",
				"INSERT INTO t VALUES (1, 'x', 'g-1', 'z')");
		PristineState pristine = read();
		String checksum = checksum();
		execute("UPDATE t SET a = 'xg', b = '-1'");
		// CHECKSUM TABLE could not tell.
		assertThat(checksum()).isEqualTo(checksum);
		assertThat(stateNow(pristine).rows()).isNotEqualTo(pristine.state().rows());
		execute("UPDATE t SET a = 'x', b = 'g-1z', c = ''");
		assertThat(stateNow(pristine).rows()).isNotEqualTo(pristine.state().rows());
		execute("UPDATE t SET a = 'x', b = 'g-1', c = 'z'");
		assertThat(stateNow(pristine)).isEqualTo(pristine.state());
	}

	@Test
	void aNullAndTheWordNullAreTold() throws SQLException {
		execute("CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(20), b VARCHAR(20))",
				"INSERT INTO t VALUES (1, NULL, 'x')");
		PristineState pristine = read();
		execute("UPDATE t SET a = 'NULL'");
		assertThat(stateNow(pristine).rows()).isNotEqualTo(pristine.state().rows());
	}

	@Test
	void aRowWrittenTwiceIntoATableWithoutKeyIsTold() throws SQLException {
		execute("CREATE TABLE log (message VARCHAR(20))", "INSERT INTO log VALUES ('kept')");
		PristineState pristine = read();
		execute("INSERT INTO log VALUES ('twice'), ('twice')");
		assertThat(stateNow(pristine).rows()).isNotEqualTo(pristine.state().rows());
		execute("DELETE FROM log WHERE message = 'twice'", "INSERT INTO log VALUES ('kept')");
		assertThat(stateNow(pristine).rows()).isNotEqualTo(pristine.state().rows());
	}

	@Test
	void rowsSwappedBetweenKeysAreTold() throws SQLException {
		execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))", "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
		PristineState pristine = read();
		execute("UPDATE t SET name = IF(id = 1, 'b', 'a')");
		assertThat(stateNow(pristine).rows()).isNotEqualTo(pristine.state().rows());
	}

	@Test
	void aFloatChangedInItsLastBitIsTold() throws SQLException {
		execute("CREATE TABLE t (id INT PRIMARY KEY, f FLOAT, d DOUBLE)", "INSERT INTO t VALUES (1, 1.0000001, 0.1)");
		PristineState pristine = read();
		execute("UPDATE t SET f = 1.0000002");
		assertThat(stateNow(pristine).rows()).isNotEqualTo(pristine.state().rows());
		execute("UPDATE t SET f = 1.0000001, d = 0.1 + 1e-16");
		assertThat(stateNow(pristine).rows()).isNotEqualTo(pristine.state().rows());
	}

	@Test
	void anEmptyTableThatGotARowIsTold() throws SQLException {
		execute("CREATE TABLE filled (id INT PRIMARY KEY)", "INSERT INTO filled VALUES (1)",
				"CREATE TABLE empty_one (id INT PRIMARY KEY)");
		PristineState pristine = read();
		execute("INSERT INTO empty_one VALUES (7)");
		assertThat(stateNow(pristine).filled()).containsExactly("empty_one");
	}

	@Test
	void objectChangesOutsideColumnsAreTold() throws SQLException {
		execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20), KEY ix_name (name))",
				"CREATE PROCEDURE p(IN a INT) SELECT a",
				"CREATE EVENT e ON SCHEDULE EVERY 1 HOUR STARTS '2030-01-01 00:00:00' DISABLE DO SELECT 1",
				"CREATE TABLE parted (id INT PRIMARY KEY) PARTITION BY RANGE (id) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN MAXVALUE)");
		PristineState pristine = read();
		String[][] changes = { { "ALTER TABLE t COMMENT = 'changed'", "ALTER TABLE t COMMENT = ''" },
				{ "ALTER TABLE t ENGINE = MyISAM", "ALTER TABLE t ENGINE = InnoDB" },
				{ "ALTER TABLE t ROW_FORMAT = COMPACT" },
				{ "ALTER TABLE t CONVERT TO CHARACTER SET latin1",
						"ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci" },
				{ "ALTER DATABASE " + SCHEMA + " COLLATE utf8mb4_unicode_ci",
						"ALTER DATABASE " + SCHEMA + " COLLATE utf8mb4_general_ci" },
				{ "DROP PROCEDURE p", "CREATE PROCEDURE p(IN a INT) SELECT a" },
				{ "ALTER EVENT e ON SCHEDULE EVERY 2 HOUR STARTS '2030-01-01 00:00:00'" },
				{ "ALTER TABLE parted REORGANIZE PARTITION p1 INTO (PARTITION p1 VALUES LESS THAN (20), PARTITION p2 VALUES LESS THAN MAXVALUE)" },
				{ "ALTER TABLE t DROP KEY ix_name, ADD KEY ix_name (name DESC)" } };
		for (String[] change : changes) {
			execute(change[0]);
			assertThat(stateNow(pristine).catalog()).as(change[0]).isNotEqualTo(pristine.state().catalog());
			if (change.length > 1) {
				execute(change[1]);
				assertThat(stateNow(pristine).catalog()).as(change[1]).isEqualTo(pristine.state().catalog());
			}
			else {
				pristine = read();
			}
		}
		execute("DROP PROCEDURE p", "CREATE PROCEDURE p(IN a BIGINT) SELECT a");
		assertThat(stateNow(pristine).catalog()).as("a parameter's type").isNotEqualTo(pristine.state().catalog());
		if (hasIgnoredIndexes()) {
			execute("ALTER TABLE t ALTER INDEX ix_name IGNORED");
			assertThat(stateNow(pristine).catalog()).isNotEqualTo(pristine.state().catalog());
		}
	}

	private PristineState read() throws SQLException {
		this.definition = TemplateDefinition.read(this.connection, SCHEMA);
		return PristineState.read(this.connection, this.definition);
	}

	/**
	 * Read the state as a reset does: by the query made for what the schema held when it
	 * was pristine.
	 */
	private SchemaState stateNow(PristineState pristine) throws SQLException {
		return new StateQuery(pristine.catalog(), this.definition.tables(), SCHEMA).read(this.connection);
	}

	private boolean hasIgnoredIndexes() throws SQLException {
		return !TemplateDefinition.rows(this.connection,
				"SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'information_schema' AND TABLE_NAME = 'STATISTICS' AND COLUMN_NAME = 'IGNORED'",
				1)
			.isEmpty();
	}

	private long crcXor(String values) throws SQLException {
		String[] v = values.split(", ");
		String sql = "SELECT BIT_XOR(CRC32(CONCAT(t, '=', v))) FROM (SELECT 'author' t, %s v UNION ALL SELECT 'loan', %s UNION ALL SELECT 'loan_log', %s UNION ALL SELECT 'member', %s UNION ALL SELECT 'note', %s) x"
			.formatted((Object[]) v);
		try (Statement statement = this.connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private String checksum() throws SQLException {
		return TemplateDefinition.rows(this.connection, "CHECKSUM TABLE t", 2).get(0)[0];
	}

	private void execute(String... sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			for (String one : sql) {
				statement.execute(one);
			}
		}
	}

}
