package dev.schemaclone.ownbeans;

import java.util.Map;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.schemaclone.internal.workspace.TestTemplates;

/**
 * The shapes in which applications declare their own migration beans, Boot's
 * auto-configuration backing off. Each history counts its runs under the run id in
 * {@code ownbeans.run-id}, and each Flyway records what its migrates executed.
 */
final class OwnBeans {

	private OwnBeans() {
	}

	/**
	 * The Flyway every shape builds: Boot's default location and a counted history.
	 */
	static FluentConfiguration counted(DataSource dataSource, Environment environment) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:appdb", "classpath:counted")
			.placeholders(Map.of("counterSchema", TestTemplates.COUNTER_SCHEMA, "runId",
					environment.getRequiredProperty("ownbeans.run-id")))
			.callbacks(new MigrateRecorder());
	}

	/**
	 * The shape of the issue: the container runs {@code migrate} as the bean's init
	 * method.
	 */
	@Configuration(proxyBeanMethods = false)
	static class InitMethod {

		@Bean(initMethod = "migrate")
		Flyway flyway(DataSource dataSource, Environment environment) {
			return counted(dataSource, environment).load();
		}

	}

	/**
	 * Boot's initializer declared by the application for its own Flyway, with a strategy.
	 */
	@Configuration(proxyBeanMethods = false)
	static class InitializerWithStrategy {

		@Bean
		Flyway flyway(DataSource dataSource, Environment environment) {
			return counted(dataSource, environment).load();
		}

		@Bean
		FlywayMigrationStrategy migrationStrategy() {
			return Flyway::migrate;
		}

		@Bean
		FlywayMigrationInitializer flywayInitializer(Flyway flyway, FlywayMigrationStrategy strategy) {
			return new FlywayMigrationInitializer(flyway, strategy);
		}

	}

	/**
	 * A Flyway built and migrated inside its factory method: nothing can run between.
	 */
	@Configuration(proxyBeanMethods = false)
	static class MigratedInFactoryMethod {

		@Bean
		Flyway flyway(DataSource dataSource, Environment environment) {
			Flyway flyway = counted(dataSource, environment).load();
			flyway.migrate();
			return flyway;
		}

	}

	/**
	 * Two Flyway beans for two locations.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TwoFlyways {

		@Bean(initMethod = "migrate")
		Flyway flyway(DataSource dataSource, Environment environment) {
			return counted(dataSource, environment).load();
		}

		@Bean(initMethod = "migrate")
		Flyway customFlyway(DataSource dataSource) {
			return Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:custom/db")
				.table("custom_history")
				.load();
		}

	}

	/**
	 * The application's own {@code SpringLiquibase}, run by the container as it
	 * initializes it.
	 */
	@Configuration(proxyBeanMethods = false)
	static class OwnLiquibase {

		@Bean
		SpringLiquibase liquibase(DataSource dataSource, Environment environment) {
			SpringLiquibase liquibase = TestTemplates.liquibase("classpath:liquibase/counted/changelog.sql",
					Map.of("counterSchema", TestTemplates.COUNTER_SCHEMA, "runId",
							environment.getRequiredProperty("ownbeans.run-id")));
			liquibase.setDataSource(dataSource);
			return liquibase;
		}

	}

}
