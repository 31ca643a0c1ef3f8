package dev.schemaclone.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;

/**
 * Redirects Boot's Flyway connection details to the context's clone: a
 * {@code @ServiceConnection} container gives Flyway the container's URL.
 */
final class FlywayDetailsPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<ContextSchemaPostProcessor> contextSchema;

	FlywayDetailsPostProcessor(ObjectProvider<ContextSchemaPostProcessor> contextSchema) {
		this.contextSchema = contextSchema;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof FlywayConnectionDetails details && !(bean instanceof CloneFlywayConnectionDetails)
				&& details.getJdbcUrl() != null) {
			return new CloneFlywayConnectionDetails(details,
					this.contextSchema.getObject().migrationUrl(details::getJdbcUrl));
		}
		return bean;
	}

}
