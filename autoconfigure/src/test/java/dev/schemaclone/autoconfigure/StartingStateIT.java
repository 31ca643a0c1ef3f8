package dev.schemaclone.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.jdbc.Sql;
import org.springframework.test.context.jdbc.Sql.ExecutionPhase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh returns a clone to the state its context started with, not to its template's:
 * what {@code spring.sql.init} wrote while the context started stays, test after test,
 * and its counter too. Within a class refreshed after each method, what the class wrote
 * before its tests ({@code @BeforeAll}, class-level {@code @Sql}) is there for every
 * method and gone for the next class.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class StartingStateIT {

	static final String PROPERTIES = "spring.sql.init.mode=always";

	static final String DATA = "spring.sql.init.data-locations=classpath:starting-state/data.sql";

	static JdbcTemplate assertRowsThenWrite(DataSource dataSource, String... names) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForList("SELECT name FROM person ORDER BY id", String.class)).containsExactly(names);
		jdbc.update("INSERT INTO person (name) VALUES ('written by a test')");
		assertThat(jdbc.queryForObject("SELECT MAX(id) FROM person", Long.class)).isEqualTo(names.length + 1);
		jdbc.update("UPDATE person SET name = 'changed' WHERE id = 1");
		return jdbc;
	}

	@SpringBootTest(properties = { "schemaclone.refresh=after-each-test-method", PROPERTIES, DATA })
	@TestMethodOrder(OrderAnnotation.class)
	@Nested
	@Order(1)
	class WrittenWhileStartingRefreshedAfterEachMethod {

		@Autowired
		private DataSource dataSource;

		@Test
		@Order(1)
		void firstTestFindsItAndWrites() {
			assertRowsThenWrite(this.dataSource, "reference row", "written while starting");
		}

		@Test
		@Order(2)
		void secondTestFindsItAgain() {
			assertRowsThenWrite(this.dataSource, "reference row", "written while starting");
		}

	}

	@SpringBootTest(properties = { "schemaclone.refresh=after-each-test-class", PROPERTIES, DATA })
	@Nested
	@Order(2)
	class WrittenWhileStartingRefreshedAfterEachClass {

		@Autowired
		private DataSource dataSource;

		@Test
		void findsIt() {
			assertRowsThenWrite(this.dataSource, "reference row", "written while starting");
		}

	}

	@SpringBootTest(properties = { "schemaclone.refresh=after-each-test-class", PROPERTIES, DATA })
	@Nested
	@Order(3)
	class AnotherClassOnThatContext {

		@Autowired
		private DataSource dataSource;

		@Test
		void findsItButNotWhatTheClassBeforeWrote() {
			assertRowsThenWrite(this.dataSource, "reference row", "written while starting");
		}

	}

	@SpringBootTest(properties = "schemaclone.refresh=after-each-test-method")
	@TestInstance(Lifecycle.PER_CLASS)
	@TestMethodOrder(OrderAnnotation.class)
	@Sql(scripts = "classpath:starting-state/class-data.sql", executionPhase = ExecutionPhase.BEFORE_TEST_CLASS)
	@Nested
	@Order(4)
	class ClassSetUpRefreshedAfterEachMethod {

		@Autowired
		private DataSource dataSource;

		@BeforeAll
		void writeBeforeTheTests() {
			new JdbcTemplate(this.dataSource).update("INSERT INTO person (name) VALUES ('before all')");
		}

		@Test
		@Order(1)
		void firstTestFindsTheClassSetUp() {
			assertRowsThenWrite(this.dataSource, "reference row", "class script", "before all");
		}

		@Test
		@Order(2)
		void secondTestFindsItToo() {
			assertRowsThenWrite(this.dataSource, "reference row", "class script", "before all");
		}

	}

	@SpringBootTest(properties = "schemaclone.refresh=after-each-test-method")
	@Nested
	@Order(5)
	class NextClassOnThatContext {

		@Autowired
		private DataSource dataSource;

		@Test
		void findsNoneOfTheClassSetUpBeforeIt() {
			assertRowsThenWrite(this.dataSource, "reference row");
		}

	}

}
