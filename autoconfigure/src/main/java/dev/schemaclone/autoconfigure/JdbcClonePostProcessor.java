package dev.schemaclone.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Points a context's JDBC connection details at its clone, and sizes the clone's pool.
 * Boot then applies the redirected details to the pool itself; the migration tools'
 * post-processors fill the clone from the context's migration bean.
 */
final class JdbcClonePostProcessor implements BeanPostProcessor {

	private static final boolean hikariPresent = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
			JdbcClonePostProcessor.class.getClassLoader());

	private final Environment environment;

	private final ObjectProvider<ContextSchema> contextSchema;

	JdbcClonePostProcessor(Environment environment, ObjectProvider<ContextSchema> contextSchema) {
		this.environment = environment;
		this.contextSchema = contextSchema;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof JdbcConnectionDetails details && !(bean instanceof CloneJdbcConnectionDetails)) {
			return this.contextSchema.getObject().redirect(details);
		}
		if (hikariPresent && bean instanceof HikariDataSource dataSource) {
			ContextSchema schema = this.contextSchema.getObject();
			if (schema.hasClone()) {
				sizePool(dataSource, schema.properties().getPoolSize());
				schema.contextClone().withEachReset(() -> endSessions(dataSource));
			}
		}
		return bean;
	}

	private void sizePool(HikariDataSource dataSource, int poolSize) {
		if (!this.environment.containsProperty("spring.datasource.hikari.maximum-pool-size")) {
			dataSource.setMaximumPoolSize(poolSize);
		}
		if (!this.environment.containsProperty("spring.datasource.hikari.minimum-idle")) {
			dataSource.setMinimumIdle(1);
		}
	}

	/**
	 * Close the pool's idle connections, and the others when they come back: a refreshed
	 * test starts on new sessions, with no {@code TEMPORARY} table, user variable or
	 * session setting that the test before it left. A pool that has not started has none.
	 */
	private static void endSessions(HikariDataSource dataSource) {
		HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
		if (pool != null) {
			pool.softEvictConnections();
		}
	}

}
