package dev.schemaclone.autoconfigure;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

import dev.schemaclone.internal.migration.FlywayMigrationSet;

/**
 * Fills a context's clone from the template of its {@code Flyway} bean, Boot's or the
 * application's own, before that bean's initialization: its {@code migrate} init method, and
 * every migrate that runs after it (a {@code FlywayMigrationInitializer}, a
 * {@code FlywayMigrationStrategy}, a {@code @PostConstruct} of another bean), finds the full
 * history.
 */
final class FlywayClonePostProcessor implements BeanPostProcessor {

	private final ObjectProvider<ContextSchemaPostProcessor> contextSchema;

	FlywayClonePostProcessor(ObjectProvider<ContextSchemaPostProcessor> contextSchema) {
		this.contextSchema = contextSchema;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof Flyway flyway) {
			ContextSchemaPostProcessor postProcessor = this.contextSchema.getObject();
			if (postProcessor.hasSchema()) {
				postProcessor.requireOneBeanOf(Flyway.class);
				postProcessor.schema()
					.fill(new FlywayMigrationSet(flyway.getConfiguration()), "Flyway bean '" + beanName + "'");
			}
		}
		return bean;
	}

}
