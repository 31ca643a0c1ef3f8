package dev.schemaclone.autoconfigure;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

import dev.schemaclone.internal.migration.FlywayMigrationSet;

/**
 * Fills a context's clone from the template of its {@code Flyway} bean, Boot's or the
 * application's own, before that bean's initialization: every migrate that runs after it
 * (a {@code FlywayMigrationInitializer}, a {@code FlywayMigrationStrategy}, a
 * {@code @PostConstruct} of another bean) finds the full history, and a {@code migrate}
 * init method, which {@link FlywayInitMethods} took off, runs only where the clone was
 * not filled from this bean.
 */
final class FlywayClonePostProcessor implements BeanPostProcessor {

	private final ObjectProvider<ContextSchemaPostProcessor> contextSchema;

	private final FlywayInitMethods initMethods;

	FlywayClonePostProcessor(ObjectProvider<ContextSchemaPostProcessor> contextSchema, FlywayInitMethods initMethods) {
		this.contextSchema = contextSchema;
		this.initMethods = initMethods;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof Flyway flyway) {
			ContextSchemaPostProcessor postProcessor = this.contextSchema.getObject();
			boolean filled = false;
			if (postProcessor.hasSchema()) {
				postProcessor.requireOneBeanOf(Flyway.class);
				filled = postProcessor.schema()
					.fill(new FlywayMigrationSet(flyway.getConfiguration()), "Flyway bean '" + beanName + "'");
			}
			if (this.initMethods.tookMigrateOff(beanName) && (!filled || postProcessor.runsContextMigration())) {
				// The init method the application declared, where the container would
				// have run it.
				flyway.migrate();
			}
		}
		return bean;
	}

}
