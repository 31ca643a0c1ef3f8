package dev.schemaclone.autoconfigure;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;

/**
 * Takes {@code migrate} off the init methods of the context's {@code Flyway} beans, as in
 * {@code @Bean(initMethod = "migrate")}, so that {@link FlywayClonePostProcessor} runs it
 * only where the clone was not filled from that bean: on a filled clone it would find
 * nothing to do, at the cost of a connection, a scan of the locations and a validation of
 * every migration.
 */
final class FlywayInitMethods implements BeanFactoryPostProcessor {

	private static final String MIGRATE = "migrate";

	private final Set<String> takenOff = ConcurrentHashMap.newKeySet();

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (definition instanceof AbstractBeanDefinition bean && bean.getInitMethodNames() != null
					&& Arrays.asList(bean.getInitMethodNames()).contains(MIGRATE) && isFlyway(beanFactory, name)) {
				bean.setInitMethodNames(Arrays.stream(bean.getInitMethodNames())
					.filter((method) -> !method.equals(MIGRATE))
					.toArray(String[]::new));
				this.takenOff.add(name);
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

	/**
	 * Return whether {@code migrate} was taken off a bean's init methods, so that it is
	 * for schemaclone to run it.
	 * @param beanName the bean
	 * @return whether it was
	 */
	boolean tookMigrateOff(String beanName) {
		return this.takenOff.contains(beanName);
	}

}
