package dev.schemaclone.autoconfigure.migration.liquibase;

import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.schemaclone.autoconfigure.ContextSchema;
import dev.schemaclone.autoconfigure.MigrationDetailsPostProcessor;
import dev.schemaclone.autoconfigure.SchemaCloneAutoConfiguration;

/**
 * Auto-configuration of schemaclone's Liquibase support, where Liquibase is on the class
 * path and schemaclone applies: fills a context's clone from any {@code SpringLiquibase}
 * bean, Boot's or the application's own (an application may build its own with
 * liquibase-core alone).
 */
@AutoConfiguration(after = SchemaCloneAutoConfiguration.class)
@ConditionalOnClass(SpringLiquibase.class)
@ConditionalOnBean(ContextSchema.class)
public final class SchemaCloneLiquibaseAutoConfiguration {

	@Bean
	static LiquibaseClonePostProcessor schemaCloneLiquibasePostProcessor(ObjectProvider<ContextSchema> contextSchema) {
		return new LiquibaseClonePostProcessor(contextSchema);
	}

	/**
	 * The side of Boot's Liquibase support (spring-boot-liquibase), only where it is
	 * present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(LiquibaseConnectionDetails.class)
	static class BootLiquibaseConfiguration {

		@Bean
		static MigrationDetailsPostProcessor<LiquibaseConnectionDetails> schemaCloneLiquibaseDetailsPostProcessor(
				ObjectProvider<ContextSchema> contextSchema) {
			return new MigrationDetailsPostProcessor<>(LiquibaseConnectionDetails.class,
					LiquibaseConnectionDetails::getJdbcUrl, CloneLiquibaseConnectionDetails::new, contextSchema);
		}

	}

}
