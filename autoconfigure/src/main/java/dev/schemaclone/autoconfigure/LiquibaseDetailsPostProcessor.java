package dev.schemaclone.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;

/**
 * Redirects Boot's Liquibase connection details to the context's clone: a
 * {@code @ServiceConnection} container gives Liquibase the container's URL.
 */
final class LiquibaseDetailsPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<ContextSchemaPostProcessor> contextSchema;

	LiquibaseDetailsPostProcessor(ObjectProvider<ContextSchemaPostProcessor> contextSchema) {
		this.contextSchema = contextSchema;
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
