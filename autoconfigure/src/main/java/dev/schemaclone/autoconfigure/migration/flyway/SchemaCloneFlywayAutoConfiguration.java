package dev.schemaclone.autoconfigure.migration.flyway;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.schemaclone.autoconfigure.ContextSchema;
import dev.schemaclone.autoconfigure.MigrationDetailsPostProcessor;
import dev.schemaclone.autoconfigure.SchemaCloneAutoConfiguration;
import dev.schemaclone.internal.migration.FlywayMigrationSet;

/**
 * Auto-configuration of schemaclone's Flyway support, where Flyway is on the class path
 * and schemaclone applies: fills a context's clone from any {@code Flyway} bean, Boot's
 * or the application's own (an application may build its own with flyway-core alone).
 */
@AutoConfiguration(after = SchemaCloneAutoConfiguration.class)
@ConditionalOnClass(Flyway.class)
@ConditionalOnBean(ContextSchema.class)
public final class SchemaCloneFlywayAutoConfiguration {

	@Bean
	static FlywayClonePostProcessor schemaCloneFlywayPostProcessor(ObjectProvider<ContextSchema> contextSchema) {
		return new FlywayClonePostProcessor(contextSchema);
	}

	/**
	 * The side of Boot's Flyway support (spring-boot-flyway), only where it is present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(FlywayConnectionDetails.class)
	static class BootFlywayConfiguration {

		@Bean
		static MigrationDetailsPostProcessor<FlywayConnectionDetails> schemaCloneFlywayDetailsPostProcessor(
				ObjectProvider<ContextSchema> contextSchema) {
			return new MigrationDetailsPostProcessor<>(FlywayConnectionDetails.class,
					FlywayConnectionDetails::getJdbcUrl, CloneFlywayConnectionDetails::new, contextSchema);
		}

		/**
		 * Skips the context's own migrate when its clone is filled: the fingerprint
		 * proved the clone current. A strategy of the application's own wins.
		 */
		@Bean
		@ConditionalOnMissingBean(FlywayMigrationStrategy.class)
		@ConditionalOnBooleanProperty(name = "schemaclone.run-context-migration", havingValue = false,
				matchIfMissing = true)
		FlywayMigrationStrategy schemaCloneMigrationStrategy(ContextSchema contextSchema) {
			return (flyway) -> {
				if (!contextSchema.isFilledBy(FlywayMigrationSet.class)) {
					flyway.migrate();
				}
			};
		}

	}

}
