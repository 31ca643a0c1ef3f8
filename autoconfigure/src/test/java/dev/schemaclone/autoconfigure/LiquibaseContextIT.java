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
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that migrates with Liquibase gets, with zero configuration, a clone
 * filled from a template its own Liquibase set-up built; its context's own update does
 * not run. One with Flyway and Liquibase gets both.
 */
class LiquibaseContextIT {

	@Nested
	@SpringBootTest(properties = { "spring.flyway.enabled=false", "spring.liquibase.enabled=true",
			"spring.liquibase.change-log=classpath:liquibase/person/db.changelog-master.yaml",
			"spring.liquibase.contexts=reference", "spring.liquibase.parameters.extraPerson=Grace" })
	class LiquibaseOnly {

		@Autowired
		private DataSource dataSource;

		@Test
		void contextRunsOnACloneOfItsLiquibaseTemplate() {
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			assertThat(ContextSchemas.currentSchema(this.dataSource)).matches("it_spring_c_[0-9a-f]{8}_[0-9]+");
			assertThat(jdbc.queryForList("SELECT name FROM person ORDER BY id", String.class))
				.containsExactly("reference row", "Grace");
			// A change set that runs on every update ran once, in the template.
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM visit", Integer.class)).isEqualTo(1);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOG", Integer.class)).isEqualTo(4);
		}

	}

	@Nested
	@SpringBootTest(properties = { "spring.liquibase.enabled=true",
			"spring.liquibase.change-log=classpath:liquibase/person/db.changelog-master.yaml",
			"spring.liquibase.database-change-log-table=liquibase_history",
			"spring.liquibase.database-change-log-lock-table=liquibase_lock", "spring.liquibase.contexts=none",
			"spring.flyway.locations=classpath:custom/db", "spring.flyway.placeholders.greeting=hello",
			"spring.flyway.placeholders.customized=both", "spring.flyway.table=flyway_history" })
	class FlywayAndLiquibase {

		@Autowired
		private DataSource dataSource;

		@Test
		void cloneHoldsWhatBothMigrate() {
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			assertThat(jdbc.queryForList("SELECT text FROM greeting ORDER BY id", String.class))
				.containsExactly("hello", "both");
			assertThat(jdbc.queryForList("SELECT name FROM person", String.class)).containsExactly("reference row");
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM liquibase_history", Integer.class)).isEqualTo(3);
		}

	}

	/**
	 * The second tool migrates each clone while its context starts: a refresh returns to
	 * that, not to the template the first tool built.
	 */
	@Nested
	@TestPropertySource(properties = "schemaclone.refresh=after-each-test-method")
	@TestMethodOrder(OrderAnnotation.class)
	class FlywayAndLiquibaseRefreshed extends FlywayAndLiquibase {

		@Autowired
		private DataSource dataSource;

		@Test
		@Order(1)
		void aTestWritesIntoWhatBothMigrated() {
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			jdbc.update("UPDATE person SET name = 'changed by a test'");
			jdbc.update("INSERT INTO greeting VALUES (3, 'written by a test')");
		}

		@Test
		@Order(2)
		void theNextTestFindsWhatBothMigrated() {
			cloneHoldsWhatBothMigrate();
		}

	}

}
