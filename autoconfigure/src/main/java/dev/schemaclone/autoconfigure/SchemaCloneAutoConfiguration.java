package dev.schemaclone.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that gives the application context its own schema, cloned from a
 * template migrated once per migration set and server. On the test class path only.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class,
		afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnClass({ JdbcConnectionDetails.class, org.flywaydb.core.Flyway.class })
@ConditionalOnBooleanProperty(name = "schemaclone.enabled", matchIfMissing = true)
public final class SchemaCloneAutoConfiguration {

	@Bean
	static ContextSchemaPostProcessor schemaCloneContextSchemaPostProcessor(Environment environment) {
		return new ContextSchemaPostProcessor(environment);
	}

	@Bean
	static FlywayInitMethods schemaCloneFlywayInitMethods() {
		return new FlywayInitMethods();
	}

	/**
	 * Fills the clone from any {@code Flyway} bean, Boot's or the application's own: an
	 * application may build its own with flyway-core alone.
	 */
	@Bean
	static FlywayClonePostProcessor schemaCloneFlywayPostProcessor(
			ObjectProvider<ContextSchemaPostProcessor> contextSchema, FlywayInitMethods initMethods) {
		return new FlywayClonePostProcessor(contextSchema, initMethods);
	}

	/**
	 * The side of Boot's Flyway support (spring-boot-flyway), only where it is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(FlywayConnectionDetails.class)
	static class FlywayCloneConfiguration {

		@Bean
		static FlywayDetailsPostProcessor schemaCloneFlywayDetailsPostProcessor(
				ObjectProvider<ContextSchemaPostProcessor> contextSchema) {
			return new FlywayDetailsPostProcessor(contextSchema);
		}

		/**
		 * Skips the context's own migrate when its clone is filled: the fingerprint
		 * proved the clone current. A strategy of the application's own wins.
		 */
		@Bean
		@ConditionalOnMissingBean(FlywayMigrationStrategy.class)
		@ConditionalOnBooleanProperty(name = "schemaclone.run-context-migration", havingValue = false,
				matchIfMissing = true)
		FlywayMigrationStrategy schemaCloneMigrationStrategy(ContextSchemaPostProcessor postProcessor) {
			return (flyway) -> {
				if (!postProcessor.isFilledByFlyway()) {
					flyway.migrate();
				}
			};
		}

	}

	/**
	 * Fills the clone from any {@code SpringLiquibase} bean, Boot's or the application's
	 * own, where Liquibase is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "liquibase.integration.spring.SpringLiquibase")
	static class LiquibaseCloneConfiguration {

		@Bean
		static LiquibaseClonePostProcessor schemaCloneLiquibasePostProcessor(
				ObjectProvider<ContextSchemaPostProcessor> contextSchema) {
			return new LiquibaseClonePostProcessor(contextSchema);
		}

	}

	/**
	 * The side of Boot's Liquibase support (spring-boot-liquibase), only where it is
	 * present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails",
			"liquibase.integration.spring.SpringLiquibase" })
	static class LiquibaseDetailsConfiguration {

		@Bean
		static LiquibaseDetailsPostProcessor schemaCloneLiquibaseDetailsPostProcessor(
				ObjectProvider<ContextSchemaPostProcessor> contextSchema) {
			return new LiquibaseDetailsPostProcessor(contextSchema);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(JdbcConnectionDetails.class)
	@Conditional(NoDataSourceUrlCondition.class)
	static class ZeroSetupConfiguration {

		@Bean
		JdbcConnectionDetails schemaCloneZeroSetupConnectionDetails() {
			return new ZeroSetupConnectionDetails();
		}

	}

}
