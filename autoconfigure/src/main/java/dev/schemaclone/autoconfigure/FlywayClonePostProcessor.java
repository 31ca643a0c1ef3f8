package dev.schemaclone.autoconfigure;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;

import dev.schemaclone.internal.migration.FlywayMigrationSet;

/**
 * The Flyway side of a context's clone: redirects Flyway's own connection details (a
 * {@code @ServiceConnection} container gives Flyway the container's URL) and fills the clone
 * from the template of the context's own Flyway configuration once the {@code Flyway} bean
 * exists, before its migration would run.
 */
final class FlywayClonePostProcessor implements BeanPostProcessor {

	private final ObjectProvider<ContextSchemaPostProcessor> contextSchema;

	FlywayClonePostProcessor(ObjectProvider<ContextSchemaPostProcessor> contextSchema) {
		this.contextSchema = contextSchema;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof FlywayConnectionDetails details && !(bean instanceof CloneFlywayConnectionDetails)
				&& details.getJdbcUrl() != null) {
			return new CloneFlywayConnectionDetails(details,
					this.contextSchema.getObject().migrationUrl(details::getJdbcUrl));
		}
		if (bean instanceof Flyway flyway && this.contextSchema.getObject().hasSchema()) {
			this.contextSchema.getObject().schema().fill(new FlywayMigrationSet(flyway.getConfiguration()));
		}
		return bean;
	}

}
