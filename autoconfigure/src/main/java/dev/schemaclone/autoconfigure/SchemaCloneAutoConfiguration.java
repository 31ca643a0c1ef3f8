package dev.schemaclone.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration that gives the application context its own schema, cloned from a
 * template migrated once per migration set and server. On the test class path only. The
 * clone is filled by the support of whichever migration tool the context uses, each
 * configured on its own: {@code SchemaCloneFlywayAutoConfiguration} and
 * {@code SchemaCloneLiquibaseAutoConfiguration}.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class,
		afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnClass(JdbcConnectionDetails.class)
@ConditionalOnBooleanProperty(name = "schemaclone.enabled", matchIfMissing = true)
public final class SchemaCloneAutoConfiguration {

	/**
	 * The context's own schemaclone state, closed with the context.
	 */
	@Bean
	ContextSchema schemaCloneContextSchema(Environment environment) {
		return new ContextSchema(environment);
	}

	@Bean
	static JdbcClonePostProcessor schemaCloneJdbcPostProcessor(Environment environment,
			ObjectProvider<ContextSchema> contextSchema) {
		return new JdbcClonePostProcessor(environment, contextSchema);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(JdbcConnectionDetails.class)
	@Conditional(NoDataSourceUrlCondition.class)
	static class ZeroSetupConfiguration {

		@Bean
		JdbcConnectionDetails schemaCloneZeroSetupConnectionDetails() {
			return new ZeroSetupConnectionDetails();
		}

	}

}
