package dev.schemaclone.autoconfigure.migration.liquibase;

import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

import dev.schemaclone.autoconfigure.ContextSchema;
import dev.schemaclone.internal.migration.LiquibaseMigrationSet;

/**
 * Fills a context's clone from the template of its {@code SpringLiquibase} bean, Boot's
 * or the application's own, before that bean runs its update, and turns that update off:
 * the clone holds it already.
 */
final class LiquibaseClonePostProcessor implements BeanPostProcessor {

	private final ObjectProvider<ContextSchema> contextSchema;

	LiquibaseClonePostProcessor(ObjectProvider<ContextSchema> contextSchema) {
		this.contextSchema = contextSchema;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof SpringLiquibase liquibase && this.contextSchema.getObject()
			.fill(SpringLiquibase.class, beanName, () -> new LiquibaseMigrationSet(liquibase))) {
			liquibase.setShouldRun(false);
		}
		return bean;
	}

}
