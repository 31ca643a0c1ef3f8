package dev.schemaclone.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

import dev.schemaclone.internal.migration.MigrationSet;
import dev.schemaclone.internal.server.MySqlUrl;
import dev.schemaclone.internal.workspace.SchemaWorkspaces;
import dev.schemaclone.internal.workspace.WorkspaceSettings;

/**
 * What schemaclone keeps for one application context, as a bean of that context: its
 * settings, the connection details it redirects, and its {@link ContextClone}, reserved
 * when the context first asks for its URL and given back when the context closes (not
 * when it is stopped: Spring Framework 7 pauses a cached context by stopping it). The
 * post-processors of the migration tools reach it through an {@code ObjectProvider}, the
 * test listeners through the context; it is public for the tools' packages only.
 */
public final class ContextSchema implements BeanFactoryAware, DisposableBean {

	private static final Log logger = LogFactory.getLog(ContextSchema.class);

	/**
	 * The beans whose initialization fills a context's clone, as the tools'
	 * post-processors find them.
	 */
	private static final List<String> MIGRATION_BEANS = List.of("org.flywaydb.core.Flyway",
			"liquibase.integration.spring.SpringLiquibase");

	private final SchemaCloneProperties properties;

	private final WorkspaceSettings settings;

	private @Nullable BeanFactory beanFactory;

	private @Nullable JdbcConnectionDetails application;

	private @Nullable ContextClone clone;

	ContextSchema(Environment environment) {
		this.properties = Binder.get(environment)
			.bindOrCreate(SchemaCloneProperties.PREFIX, SchemaCloneProperties.class);
		this.settings = this.properties.toWorkspaceSettings();
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	SchemaCloneProperties properties() {
		return this.properties;
	}

	/**
	 * Return the context's JDBC connection details pointed at its clone, or as they are
	 * when they name no MySQL or MariaDB server, or a clone already. The first details
	 * redirected give the clone's server and credentials.
	 * @param details the context's details
	 * @return the details to use instead
	 */
	JdbcConnectionDetails redirect(JdbcConnectionDetails details) {
		// The zero-setup server is MySQL by construction; asking its URL here would start
		// it before anything needs it.
		if (!(details instanceof ZeroSetupConnectionDetails) && !isRedirectable(details.getJdbcUrl())) {
			return details;
		}
		synchronized (this) {
			if (this.application == null) {
				this.application = details;
			}
		}
		return new CloneJdbcConnectionDetails(details, () -> contextClone().url());
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

	/**
	 * Return whether the context runs on a clone: its JDBC details were redirected.
	 */
	synchronized boolean hasClone() {
		return this.application != null;
	}

	/**
	 * Return the context's clone, reserving it on the first call.
	 */
	synchronized ContextClone contextClone() {
		if (this.clone == null) {
			JdbcConnectionDetails application = this.application;
			Assert.state(application != null, "No JDBC connection details were redirected to a clone");
			this.clone = new ContextClone(MySqlUrl.parse(application.getJdbcUrl()), application.getUsername(),
					application.getPassword(), this.properties, this.settings, hasMigrationBean());
		}
		return this.clone;
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
			// Resolved, and so redirected, first: a context may have several.
			beanFactory().getBeanProvider(JdbcConnectionDetails.class).stream().forEach((details) -> {
			});
			String url = own.get();
			return (hasClone() && MySqlUrl.isMySql(url)) ? contextClone().url() : url;
		};
	}

	/**
	 * Fill the context's clone, if it runs on one, from the template of a migration
	 * bean's set-up, before the bean is initialized. A context with several beans of one
	 * tool is refused: the template is built from one migration set, and the others would
	 * run into each clone, or collide with it.
	 * @param tool {@code Flyway} or {@code SpringLiquibase}
	 * @param beanName the bean's name
	 * @param migrations the bean's set-up, read only where the context has a clone
	 * @return whether the bean's own migration is to be skipped: this bean filled the
	 * clone, which holds the full history, and {@code schemaclone.run-context-migration}
	 * is off
	 * @throws IllegalStateException if the context has more than one bean of the tool
	 */
	public boolean fill(Class<?> tool, String beanName, Supplier<MigrationSet> migrations) {
		if (!hasClone()) {
			return false;
		}
		requireOneBeanOf(tool);
		boolean filled = contextClone().fill(migrations.get(), tool.getSimpleName() + " bean '" + beanName + "'");
		return filled && !this.properties.isRunContextMigration();
	}

	/**
	 * Return whether the context has a bean of a migration tool schemaclone fills clones
	 * for, whose initialization fills the context's clone: a context without one gets an
	 * empty schema, which nothing would compare with a template before its tests ran.
	 */
	private boolean hasMigrationBean() {
		ClassLoader classLoader = getClass().getClassLoader();
		for (String tool : MIGRATION_BEANS) {
			if (ClassUtils.isPresent(tool, classLoader)
					&& beansOf(ClassUtils.resolveClassName(tool, classLoader)).length > 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the names of the context's beans of a type, without creating any.
	 */
	private String[] beansOf(Class<?> type) {
		return ((ListableBeanFactory) beanFactory()).getBeanNamesForType(type, true, false);
	}

	private void requireOneBeanOf(Class<?> tool) {
		String[] names = beansOf(tool);
		if (names.length > 1) {
			throw new IllegalStateException(
					"This context has %d %s beans ('%s'): schemaclone fills a context's clone from the template of one of them, and cannot migrate the template with several. Merge them into one (one Flyway with all the locations, one change log that includes the others), or set 'schemaclone.enabled=false' for this context"
						.formatted(names.length, tool.getSimpleName(), String.join("', '", names)));
		}
	}

	private BeanFactory beanFactory() {
		BeanFactory beanFactory = this.beanFactory;
		Assert.state(beanFactory != null, "No BeanFactory has been set");
		return beanFactory;
	}

	/**
	 * Return whether the context's clone was filled from a set-up of one kind, so that a
	 * migrate of that tool on it has nothing to do.
	 * @param kind the kind of set-up
	 * @return whether it was
	 */
	public boolean isFilledBy(Class<? extends MigrationSet> kind) {
		return hasClone() && contextClone().isFilledBy(kind);
	}

	/**
	 * Give the clone back: reset in the background to serve the next context, kept, or
	 * dropped if it was never filled.
	 */
	@Override
	public synchronized void destroy() {
		if (this.clone != null) {
			this.clone.close();
		}
	}

}
