package dev.schemaclone.autoconfigure;

import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.server.MySqlUrl;
import dev.schemaclone.internal.workspace.SchemaWorkspaces;
import dev.schemaclone.internal.workspace.WorkspaceSettings;

/**
 * Points one application context at a schema of its own: redirects its JDBC connection
 * details to the clone, sizes the clone's pool, and drops the clone when the context
 * closes. Boot then applies the redirected details to the pool itself;
 * {@link FlywayClonePostProcessor} and {@link LiquibaseClonePostProcessor} fill the clone
 * from the context's migration bean.
 */
final class ContextSchemaPostProcessor implements BeanPostProcessor, BeanFactoryAware, DisposableBean {

	private static final Log logger = LogFactory.getLog(ContextSchemaPostProcessor.class);

	private static final boolean hikariPresent = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
			ContextSchemaPostProcessor.class.getClassLoader());

	private final Environment environment;

	private final SchemaCloneProperties properties;

	private final WorkspaceSettings settings;

	private JdbcConnectionDetails application;

	private ContextSchema schema;

	private BeanFactory beanFactory;

	ContextSchemaPostProcessor(Environment environment) {
		this.environment = environment;
		this.properties = Binder.get(environment)
			.bindOrCreate(SchemaCloneProperties.PREFIX, SchemaCloneProperties.class);
		this.settings = this.properties.toWorkspaceSettings();
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		// The zero-setup server is MySQL by construction; asking its URL here would start
		// it
		// before anything needs it.
		if (bean instanceof JdbcConnectionDetails details && !(bean instanceof CloneJdbcConnectionDetails)
				&& (bean instanceof ZeroSetupConnectionDetails || isRedirectable(details.getJdbcUrl()))) {
			synchronized (this) {
				if (this.application == null) {
					this.application = details;
				}
			}
			return new CloneJdbcConnectionDetails(details, this::cloneUrl);
		}
		if (hikariPresent && bean instanceof HikariDataSource dataSource && hasSchema()) {
			sizePool(dataSource);
			schema().withEachReset(() -> endSessions(dataSource));
		}
		return bean;
	}

	/**
	 * Redirect only MySQL and MariaDB URLs, and never a URL that already names a clone
	 * (one registered by hand with {@code SchemaClones}).
	 */
	private static boolean isRedirectable(String url) {
		if (!MySqlUrl.isMySql(url)) {
			// Left alone rather than rejected: a suite may keep some contexts on H2.
			logger.warn(("'%s' is not a MySQL or MariaDB URL: this context runs on it without a clone. "
					+ "Set 'schemaclone.enabled=false' for such contexts to say so")
				.formatted(MySqlUrl.redact(url)));
			return false;
		}
		return !SchemaWorkspaces.isCloneName(MySqlUrl.parse(url).database());
	}

	SchemaCloneProperties.Refresh refresh() {
		return this.properties.getRefresh();
	}

	synchronized boolean hasSchema() {
		return this.application != null;
	}

	String cloneUrl() {
		return schema().url();
	}

	synchronized ContextSchema schema() {
		if (this.schema == null) {
			this.schema = new ContextSchema(MySqlUrl.parse(this.application.getJdbcUrl()),
					this.application.getUsername(), this.application.getPassword(), this.properties, this.settings);
		}
		return this.schema;
	}

	private void sizePool(HikariDataSource dataSource) {
		if (!this.environment.containsProperty("spring.datasource.hikari.maximum-pool-size")) {
			dataSource.setMaximumPoolSize(this.properties.getPoolSize());
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

	/**
	 * Return whether this context's Flyway points at a clone that was filled from the
	 * template of its configuration, so that its own migrate has nothing to do.
	 */
	boolean isFilledByFlyway() {
		return hasSchema() && schema().isFilledBy(FlywayMigrationSet.class);
	}

	/**
	 * Refuse a context with several beans of one migration tool before the first fills
	 * its clone: the template is built from one migration set, and the others would run
	 * into each clone, or collide with it.
	 * @param type {@code Flyway} or {@code SpringLiquibase}
	 * @throws IllegalStateException if the context has more than one
	 */
	void requireOneBeanOf(Class<?> type) {
		String[] names = ((ListableBeanFactory) this.beanFactory).getBeanNamesForType(type, true, false);
		if (names.length > 1) {
			throw new IllegalStateException(
					"This context has %d %s beans ('%s'): schemaclone fills a context's clone from the template of one of them, and cannot migrate the template with several. Merge them into one (one Flyway with all the locations, one change log that includes the others), or set 'schemaclone.enabled=false' for this context"
						.formatted(names.length, type.getSimpleName(), String.join("', '", names)));
		}
	}

	boolean runsContextMigration() {
		return this.properties.isRunContextMigration();
	}

	/**
	 * Return the URL a migration tool's own connection details should give: the clone's
	 * when the context runs on one and the tool's URL is a MySQL one, else the tool's
	 * own. Read lazily, after the context's JDBC details, which decide whether there is a
	 * clone.
	 * @param own the URL the tool's details give
	 * @return the URL to give instead
	 */
	Supplier<String> migrationUrl(Supplier<String> own) {
		return () -> {
			// Resolved, and so post-processed, first: a context may have several.
			this.beanFactory.getBeanProvider(JdbcConnectionDetails.class).stream().forEach((details) -> {
			});
			String url = own.get();
			return (hasSchema() && MySqlUrl.isMySql(url)) ? cloneUrl() : url;
		};
	}

	@Override
	public synchronized void destroy() {
		if (this.schema != null) {
			this.schema.close();
		}
	}

}
