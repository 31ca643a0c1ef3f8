package dev.schemaclone.autoconfigure;

import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template is migrated with the application's own Flyway set-up: a non-default
 * location, a placeholder, a customizer, a Java migration and a callback given as beans.
 */
@SpringBootTest(
		properties = { "spring.flyway.locations=classpath:custom/db", "spring.flyway.placeholders.greeting=hello" })
class FlywayCustomizationIT {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private Flyway flyway;

	@Test
	void cloneHoldsWhatTheApplicationsFlywaySetUpProduces() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThat(ContextSchemas.currentSchema(this.dataSource)).startsWith("it_spring_c_");
		assertThat(jdbc.queryForList("SELECT text FROM greeting ORDER BY id", String.class)).containsExactly("hello",
				"by customizer", "java migration", "callback");
		assertThat(jdbc.queryForList("SELECT script FROM flyway_schema_history ORDER BY installed_rank", String.class))
			.containsExactly("V1__greeting.sql",
					"dev.schemaclone.autoconfigure.FlywayCustomizationIT$V2__JavaMigration");
		assertThat(this.flyway.info().pending()).isEmpty();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FlywaySetUp {

		@Bean
		FlywayConfigurationCustomizer placeholderCustomizer() {
			return (configuration) -> {
				Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
				placeholders.put("customized", "by customizer");
				configuration.placeholders(placeholders);
			};
		}

		@Bean
		JavaMigration javaMigration() {
			return new V2__JavaMigration();
		}

		@Bean
		Callback afterEachMigrate() {
			return new AfterEachMigrate();
		}

	}

	static class V2__JavaMigration extends BaseJavaMigration {

		@Override
		public void migrate(org.flywaydb.core.api.migration.Context context) throws Exception {
			try (Statement statement = context.getConnection().createStatement()) {
				statement.execute("INSERT INTO greeting VALUES (3, 'java migration')");
			}
		}

	}

	static class AfterEachMigrate implements Callback {

		@Override
		public boolean supports(Event event, Context context) {
			return event == Event.AFTER_EACH_MIGRATE;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			try (Statement statement = context.getConnection().createStatement()) {
				statement.execute("REPLACE INTO greeting VALUES (4, 'callback')");
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public String getCallbackName() {
			return "afterEachMigrate";
		}

	}

}
