package dev.schemaclone.autoconfigure;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A clone lives as long as its context: kept while the context is stopped (Spring pauses
 * cached contexts that way), dropped in the background when it closes (closing does not wait
 * for the server), kept on request for debugging.
 */
class ContextLifecycleIT {

	private static final Duration DROPPED_WITHIN = Duration.ofSeconds(10);

	@Test
	void cloneSurvivesStopAndIsDroppedOnClose() throws InterruptedException {
		String clone;
		try (ConfigurableApplicationContext context = start()) {
			clone = ContextSchemas.currentSchema(context.getBean(DataSource.class));
			context.stop();
			assertThat(ContextSchemas.exists(clone)).isTrue();
			context.start();
			assertThat(ContextSchemas.exists(clone)).isTrue();
		}
		assertThat(ContextSchemas.goneWithin(clone, DROPPED_WITHIN)).isTrue();
	}

	@Test
	void closeDoesNotWaitForTheDrop() throws Exception {
		String clone;
		try (Connection reader = TestServer.server().open()) {
			ConfigurableApplicationContext context = start();
			clone = ContextSchemas.currentSchema(context.getBean(DataSource.class));
			// An open transaction that read the clone holds a metadata lock the DROP must wait for.
			reader.setAutoCommit(false);
			try (Statement statement = reader.createStatement()) {
				statement.executeQuery("SELECT COUNT(*) FROM `" + clone + "`.person").close();
			}
			assertTimeoutPreemptively(DROPPED_WITHIN, context::close);
			assertThat(ContextSchemas.exists(clone)).isTrue();
			reader.commit();
		}
		assertThat(ContextSchemas.goneWithin(clone, DROPPED_WITHIN)).isTrue();
	}

	@Test
	void twoContextsGetTwoClonesAndSeeOnlyTheirOwnRows() {
		try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
			DataSource one = first.getBean(DataSource.class);
			DataSource two = second.getBean(DataSource.class);
			assertThat(ContextSchemas.currentSchema(one)).isNotEqualTo(ContextSchemas.currentSchema(two));
			new org.springframework.jdbc.core.JdbcTemplate(one).update("INSERT INTO person (name) VALUES ('only in one')");
			assertThat(new org.springframework.jdbc.core.JdbcTemplate(two).queryForObject("SELECT COUNT(*) FROM person", Integer.class))
				.isEqualTo(1);
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
