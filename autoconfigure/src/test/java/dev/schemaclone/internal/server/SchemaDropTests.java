package dev.schemaclone.internal.server;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a failed {@code DROP DATABASE} is read, from the exact messages of each server.
 */
class SchemaDropTests {

	/**
	 * MySQL 8's {@code find_unknown_and_remove_deletable_files} (sql/sql_db.cc) reports
	 * {@code ER_DB_DROP_RMDIR} with {@code EEXIST} before it drops anything; its message
	 * format is "Error dropping database (can't rmdir '%-.192s', errno: %d - %s)".
	 */
	@Test
	void mySqlsUnknownFileMeansNothingWasDropped() {
		SQLException mysql = new SQLException(
				"Error dropping database (can't rmdir './schemaclone_c_0a1b2c3d_1/', errno: 17 - File exists)", "HY000",
				1010);
		assertThat(SchemaDrop.droppedNothing(mysql)).isTrue();
	}

	/**
	 * MariaDB removes the directory after the tables and reports the errno as
	 * {@code errno: 39 "Directory not empty"}.
	 */
	@Test
	void mariaDbsDirectoryNotEmptyComesAfterTheTablesAreGone() {
		SQLException mariadb = new SQLException(
				"Error dropping database (can't rmdir './schemaclone_c_0a1b2c3d_1', errno: 39 \"Directory not empty\")",
				"HY000", 1010);
		assertThat(SchemaDrop.droppedNothing(mariadb)).isFalse();
		assertThat(SchemaDrop.droppedNothing(new SQLException("Unknown database 'x'", "HY000", 1008))).isFalse();
	}

}
