package dev.schemaclone.autoconfigure;

import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;

import dev.schemaclone.internal.migration.LiquibaseMigrationSet;

/**
 * The Liquibase side of a context's clone: redirects Liquibase's own connection details (a
 * {@code @ServiceConnection} container gives Liquibase the container's URL) and, before the
 * context's {@code SpringLiquibase} runs its update, fills the clone from the template of
 * its settings and turns that update off: the clone holds it already.
 */
final class LiquibaseClonePostProcessor implements BeanPostProcessor {

	private final ObjectProvider<ContextSchemaPostProcessor> contextSchema;

	LiquibaseClonePostProcessor(ObjectProvider<ContextSchemaPostProcessor> contextSchema) {
		this.contextSchema = contextSchema;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof SpringLiquibase liquibase) {
			ContextSchemaPostProcessor postProcessor = this.contextSchema.getObject();
			if (postProcessor.hasSchema() && postProcessor.schema().fill(new LiquibaseMigrationSet(liquibase))
					&& !postProcessor.runsContextMigration()) {
				liquibase.setShouldRun(false);
			}
		}
		return bean;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof LiquibaseConnectionDetails details && !(bean instanceof CloneLiquibaseConnectionDetails)
				&& details.getJdbcUrl() != null) {
			return new CloneLiquibaseConnectionDetails(details,
					this.contextSchema.getObject().migrationUrl(details::getJdbcUrl));
		}
		return bean;
	}

}
