package dev.schemaclone.autoconfigure;

import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

import dev.schemaclone.internal.migration.LiquibaseMigrationSet;

/**
 * Fills a context's clone from the template of its {@code SpringLiquibase} bean, Boot's
 * or the application's own, before that bean runs its update, and turns that update off:
 * the clone holds it already.
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
			if (postProcessor.hasSchema()) {
				postProcessor.requireOneBeanOf(SpringLiquibase.class);
				if (postProcessor.schema()
					.fill(new LiquibaseMigrationSet(liquibase), "SpringLiquibase bean '" + beanName + "'")
						&& !postProcessor.runsContextMigration()) {
					liquibase.setShouldRun(false);
				}
			}
		}
		return bean;
	}

}
