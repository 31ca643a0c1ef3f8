package dev.schemaclone.autoconfigure;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A clone lives as long as its context: kept while the context is stopped (Spring pauses
 * cached contexts that way), reset in the background when it closes to serve the next
 * context (closing does not wait for the server), kept on request for debugging.
 */
class ContextLifecycleIT {

	private static final Duration CLOSED_WITHIN = Duration.ofSeconds(10);

	@Test
	void cloneSurvivesStopAndServesTheNextContextResetAfterClose() {
		String clone;
		try (ConfigurableApplicationContext context = start()) {
			DataSource dataSource = context.getBean(DataSource.class);
			clone = ContextSchemas.currentSchema(dataSource);
			new JdbcTemplate(dataSource).update("INSERT INTO person (name) VALUES ('written by the first context')");
			context.stop();
			assertThat(ContextSchemas.exists(clone)).isTrue();
			context.start();
			assertThat(ContextSchemas.exists(clone)).isTrue();
		}
		// The next two contexts take the spare made while the first ran, and the first's
		// clone.
		try (ConfigurableApplicationContext second = start(); ConfigurableApplicationContext third = start()) {
			List<DataSource> dataSources = List.of(second.getBean(DataSource.class), third.getBean(DataSource.class));
			assertThat(dataSources).extracting(ContextSchemas::currentSchema).contains(clone);
			assertThat(dataSources).allSatisfy((dataSource) -> assertThat(
					new JdbcTemplate(dataSource).queryForList("SELECT name FROM person", String.class))
				.containsExactly("reference row"));
		}
	}

	/**
	 * A context without Flyway or Liquibase has no migration to compare a clone with: it
	 * gets an empty schema, not the spare or warm clone a context of the same application
	 * left.
	 */
	@Test
	void contextWithoutMigrationsGetsAnEmptySchema() {
		try (ConfigurableApplicationContext migrated = start()) {
			assertThat(tablesOf(migrated)).isPositive();
		}
		try (ConfigurableApplicationContext plain = start("--spring.flyway.enabled=false")) {
			assertThat(tablesOf(plain)).isZero();
		}
	}

	private static int tablesOf(ConfigurableApplicationContext context) {
		return new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
				"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()", Integer.class);
	}

	@Test
	void closeDoesNotWaitForTheServer() throws Exception {
		try (Connection reader = TestServer.server().open()) {
			ConfigurableApplicationContext context = start();
			String clone = ContextSchemas.currentSchema(context.getBean(DataSource.class));
			// An open transaction that read the clone holds a metadata lock that DDL on
			// it must wait for.
			reader.setAutoCommit(false);
			try (Statement statement = reader.createStatement()) {
				statement.executeQuery("SELECT COUNT(*) FROM `" + clone + "`.person").close();
			}
			assertTimeoutPreemptively(CLOSED_WITHIN, context::close);
			assertThat(ContextSchemas.exists(clone)).isTrue();
			reader.commit();
		}
	}

	@Test
	void twoContextsGetTwoClonesAndSeeOnlyTheirOwnRows() {
		try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
			DataSource one = first.getBean(DataSource.class);
			DataSource two = second.getBean(DataSource.class);
			assertThat(ContextSchemas.currentSchema(one)).isNotEqualTo(ContextSchemas.currentSchema(two));
			new JdbcTemplate(one).update("INSERT INTO person (name) VALUES ('only in one')");
			assertThat(new JdbcTemplate(two).queryForObject("SELECT COUNT(*) FROM person", Integer.class)).isEqualTo(1);
		}
	}

	@Test
	void keepClonesLeavesTheCloneAfterClose() {
		String clone;
		try (ConfigurableApplicationContext context = start("--schemaclone.keep-clones=true")) {
			clone = ContextSchemas.currentSchema(context.getBean(DataSource.class));
		}
		assertThat(ContextSchemas.exists(clone)).isTrue();
		TestServer.execute("DROP DATABASE `" + clone + "`",
				"DELETE FROM it_spring_registry.owned_schema WHERE schema_name = '" + clone + "'");
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE).run(args);
	}

}
