package dev.schemaclone.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code schemaclone.refresh}: each test starts on its template's state, whatever the
 * test before it wrote, committed or rolled back, and on new sessions.
 */
class RefreshIT {

	/**
	 * Assert the template's state, then change it: fails in the second test of a context
	 * that is not refreshed.
	 */
	static void assertPristineThenWrite(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForList("SELECT name FROM person ORDER BY id", String.class))
			.containsExactly("reference row");
		jdbc.update("INSERT INTO person (name) VALUES ('written by a test')");
		// The first insert into a fresh clone gets the id after the template's one row.
		assertThat(jdbc.queryForObject("SELECT MAX(id) FROM person", Long.class)).isEqualTo(2);
		jdbc.update("UPDATE person SET name = 'changed' WHERE id = 1");
	}

	@SpringBootTest(properties = "schemaclone.refresh=after-each-test-method")
	@TestMethodOrder(OrderAnnotation.class)
	@Nested
	class AfterEachTestMethod {

		@Autowired
		private DataSource dataSource;

		@Test
		@Order(1)
		void firstTestWrites() {
			assertPristineThenWrite(this.dataSource);
		}

		@Test
		@Order(2)
		@Transactional
		void transactionalTestWritesAndIsRolledBack() {
			assertPristineThenWrite(this.dataSource);
		}

		@Test
		@Order(3)
		void thirdTestFindsNeitherWrite() {
			assertPristineThenWrite(this.dataSource);
		}

	}

	/**
	 * One connection in the pool, so that without a new session each test would get the
	 * one the test before it left.
	 */
	@SpringBootTest(properties = { "schemaclone.refresh=after-each-test-method",
			"spring.datasource.hikari.maximum-pool-size=1" })
	@TestMethodOrder(OrderAnnotation.class)
	@Nested
	class SessionsLeftBehind {

		@Autowired
		private DataSource dataSource;

		@Test
		@Order(1)
		void firstTestLeavesATemporaryTableAndSessionState() {
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			jdbc.execute("CREATE TEMPORARY TABLE person (id BIGINT, name VARCHAR(100))");
			jdbc.execute("SET @left_behind = 1, SESSION foreign_key_checks = 0");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person", Integer.class)).isZero();
		}

		@Test
		@Order(2)
		void secondTestStartsOnANewSession() {
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			assertThat(jdbc.queryForObject("SELECT @left_behind", Integer.class)).isNull();
			assertThat(jdbc.queryForObject("SELECT @@foreign_key_checks", Integer.class)).isEqualTo(1);
			assertPristineThenWrite(this.dataSource);
		}

	}

	@SpringBootTest(properties = "schemaclone.refresh=after-each-test-class")
	@TestMethodOrder(OrderAnnotation.class)
	@Nested
	class AfterEachTestClass {

		@Autowired
		private DataSource dataSource;

		@Test
		@Order(1)
		void firstTestWrites() {
			assertPristineThenWrite(this.dataSource);
		}

		@Test
		@Order(2)
		void secondTestOfTheSameClassSeesTheWrite() {
			assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT COUNT(*) FROM person", Integer.class))
				.isEqualTo(2);
		}

	}

	@SpringBootTest(properties = "schemaclone.refresh=after-each-test-class")
	@Nested
	class AnotherClassOnTheSameContext {

		@Autowired
		private DataSource dataSource;

		@Test
		void findsTheTemplatesState() {
			assertPristineThenWrite(this.dataSource);
		}

	}

}
