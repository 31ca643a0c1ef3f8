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

	/**
	 * The Flyway side, only where Boot's Flyway support (spring-boot-flyway) is present:
	 * without it no migration runs and each context gets an empty clone.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(FlywayConnectionDetails.class)
	static class FlywayCloneConfiguration {

		@Bean
		static FlywayClonePostProcessor schemaCloneFlywayPostProcessor(
				ObjectProvider<ContextSchemaPostProcessor> contextSchema) {
			return new FlywayClonePostProcessor(contextSchema);
		}

		/**
		 * Skips the context's own migrate when its clone is filled: the fingerprint proved
		 * the clone current. A strategy of the application's own wins.
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
	 * The Liquibase side, only where Boot's Liquibase support (spring-boot-liquibase) and
	 * Liquibase are present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails",
			"liquibase.integration.spring.SpringLiquibase" })
	static class LiquibaseCloneConfiguration {

		@Bean
		static LiquibaseClonePostProcessor schemaCloneLiquibasePostProcessor(
				ObjectProvider<ContextSchemaPostProcessor> contextSchema) {
			return new LiquibaseClonePostProcessor(contextSchema);
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
