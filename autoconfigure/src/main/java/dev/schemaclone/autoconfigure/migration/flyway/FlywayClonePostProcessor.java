package dev.schemaclone.autoconfigure.migration.flyway;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;

import dev.schemaclone.autoconfigure.ContextSchema;
import dev.schemaclone.internal.migration.FlywayMigrationSet;

/**
 * Fills a context's clone from the template of its {@code Flyway} bean, Boot's or the
 * application's own, before that bean's initialization: every migrate that runs after it
 * (a {@code FlywayMigrationInitializer}, a {@code FlywayMigrationStrategy}, a
 * {@code @PostConstruct} of another bean) finds the full history. A {@code migrate} init
 * method, as in {@code @Bean(initMethod = "migrate")}, is taken off the bean's definition
 * first and run here only where the clone was not filled from this bean: on a filled
 * clone it would find nothing to do, at the cost of a connection, a scan of the locations
 * and a validation of every migration.
 */
final class FlywayClonePostProcessor implements BeanFactoryPostProcessor, BeanPostProcessor {

	private static final String MIGRATE = "migrate";

	private final ObjectProvider<ContextSchema> contextSchema;

	private final Set<String> migrateTakenOff = ConcurrentHashMap.newKeySet();

	FlywayClonePostProcessor(ObjectProvider<ContextSchema> contextSchema) {
		this.contextSchema = contextSchema;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (definition instanceof AbstractBeanDefinition bean && bean.getInitMethodNames() != null
					&& Arrays.asList(bean.getInitMethodNames()).contains(MIGRATE) && isFlyway(beanFactory, name)) {
				bean.setInitMethodNames(Arrays.stream(bean.getInitMethodNames())
					.filter((method) -> !method.equals(MIGRATE))
					.toArray(String[]::new));
				this.migrateTakenOff.add(name);
			}
		}
	}

	/**
	 * Return whether a bean is a {@code Flyway}, from its definition alone: no bean is
	 * created this early.
	 */
	private static boolean isFlyway(ConfigurableListableBeanFactory beanFactory, String name) {
		Class<?> type = beanFactory.getType(name, false);
		return type != null && Flyway.class.isAssignableFrom(type);
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof Flyway flyway) {
			boolean skipMigrate = this.contextSchema.getObject()
				.fill(Flyway.class, beanName, () -> new FlywayMigrationSet(flyway.getConfiguration()));
			if (this.migrateTakenOff.contains(beanName) && !skipMigrate) {
				// The init method the application declared, where the container would
				// have run it.
				flyway.migrate();
			}
		}
		return bean;
	}

}
