package dev.schemaclone.internal.migration;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.Customizer;
import liquibase.integration.spring.SpringLiquibase;
import liquibase.util.LiquibaseUtil;

import org.springframework.beans.DirectFieldAccessor;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * A template migrated by Liquibase with the settings of the application's own
 * {@code SpringLiquibase}: change log, contexts, labels, parameters, tag, change-log
 * tables, resource loader and customizer.
 *
 * Its fingerprint hashes every file in the change log's folder and below (the master,
 * what it includes, {@code includeAll} folders and {@code sqlFile} scripts kept beside
 * it), with the settings that change what an update produces; no database connection. Its
 * lineage is the change-log table, the change log's path and the first file beside the
 * master by name, which grows no more than a first Flyway migration does.
 */
public final class LiquibaseMigrationSet implements MigrationSet {

	private final SpringLiquibase application;

	private final Map<String, String> parameters;

	/**
	 * Use the settings of an application's {@code SpringLiquibase}.
	 * @param application the application's bean, not run yet
	 * @throws SchemaCloneException if it names schemas of its own
	 */
	public LiquibaseMigrationSet(SpringLiquibase application) {
		if (StringUtils.hasText(application.getDefaultSchema())
				|| StringUtils.hasText(application.getLiquibaseSchema())) {
			throw new SchemaCloneException(
					"Liquibase is configured with default schema '%s' and Liquibase schema '%s'; schemaclone migrates each context's own schema, so remove 'spring.liquibase.default-schema' and 'spring.liquibase.liquibase-schema' from the test configuration"
						.formatted(application.getDefaultSchema(), application.getLiquibaseSchema()));
		}
		this.application = application;
		// SpringLiquibase has a setter for its parameters but no getter.
		@SuppressWarnings("unchecked")
		Map<String, String> parameters = (Map<String, String>) new DirectFieldAccessor(application)
			.getPropertyValue("parameters");
		this.parameters = (parameters != null) ? new TreeMap<>(parameters) : new TreeMap<>();
	}

	@Override
	public MigrationFingerprint fingerprint() {
		return FingerprintCache.get(key(), this::computeFingerprint);
	}

	/**
	 * Return everything the fingerprint depends on, for {@link FingerprintCache}: the
	 * settings, the class loader of a change log on the class path, or the state of the
	 * files beside a change log outside it.
	 */
	private List<Object> key() {
		String changeLog = this.application.getChangeLog();
		ResourceLoader loader = this.application.getResourceLoader();
		List<Object> key = new ArrayList<>(Arrays.asList("liquibase",
				(loader != null) ? loader.getClassLoader() : ClassUtils.getDefaultClassLoader(), settings()));
		if (changeLog.startsWith("file:")) {
			Path folder = Path.of(changeLog.substring("file:".length())).toAbsolutePath().getParent();
			key.add((folder != null) ? FingerprintCache.filesBelow(folder) : List.of());
		}
		return key;
	}

	/**
	 * Return the settings that change what an update produces, by name, in the order they
	 * are hashed.
	 */
	private Map<String, String> settings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("liquibase", LiquibaseUtil.getBuildVersion());
		settings.put("changeLog", this.application.getChangeLog());
		settings.put("contexts", String.valueOf(this.application.getContexts()));
		settings.put("labels", String.valueOf(this.application.getLabelFilter()));
		settings.put("tag", String.valueOf(this.application.getTag()));
		settings.put("table", String.valueOf(this.application.getDatabaseChangeLogTable()));
		settings.put("lockTable", String.valueOf(this.application.getDatabaseChangeLogLockTable()));
		this.parameters.forEach((key, value) -> settings.put("parameter:" + key, value));
		return settings;
	}

	private MigrationFingerprint computeFingerprint() {
		MessageDigest digest = MigrationDigests.sha256();
		settings().forEach((name, value) -> MigrationDigests.update(digest, name, value));
		MessageDigest lineage = MigrationDigests.sha256();
		MigrationDigests.update(lineage, "table", String.valueOf(this.application.getDatabaseChangeLogTable()));
		MigrationDigests.update(lineage, "changeLog", this.application.getChangeLog());
		String master = this.application.getChangeLog().replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
		int slash = master.lastIndexOf('/');
		Map<String, byte[]> files;
		if (slash < 0) {
			// A change log at the root of the class path: only the file itself can be
			// hashed.
			files = MigrationDigests.resources(resolver(), "classpath*:" + master, "", master);
		}
		else {
			String folder = master.substring(0, slash);
			String pattern = master.startsWith("file:") ? folder + "/**" : "classpath*:" + folder + "/**";
			files = MigrationDigests.resources(resolver(), pattern, folder.replaceFirst("^file:", ""), folder);
		}
		String masterName = master.substring(slash + 1);
		files.forEach((name, bytes) -> MigrationDigests.update(digest, name, bytes));
		files.entrySet()
			.stream()
			.filter((file) -> !file.getKey().equals(masterName))
			.findFirst()
			.ifPresent((first) -> MigrationDigests.update(lineage, "first:" + first.getKey(), first.getValue()));
		return MigrationFingerprint.of(digest, lineage);
	}

	private PathMatchingResourcePatternResolver resolver() {
		return new PathMatchingResourcePatternResolver((this.application.getResourceLoader() != null)
				? this.application.getResourceLoader() : new DefaultResourceLoader());
	}

	@Override
	public int migrate(DatabaseServer server, String schema, MigrationProgress progress) {
		Tracker tracker = new Tracker(progress);
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setChangeLog(this.application.getChangeLog());
		liquibase.setContexts(this.application.getContexts());
		liquibase.setLabelFilter(this.application.getLabelFilter());
		liquibase.setTag(this.application.getTag());
		liquibase.setChangeLogParameters(this.parameters);
		liquibase.setDatabaseChangeLogTable(this.application.getDatabaseChangeLogTable());
		liquibase.setDatabaseChangeLogLockTable(this.application.getDatabaseChangeLogLockTable());
		liquibase.setLiquibaseTablespace(this.application.getLiquibaseTablespace());
		liquibase.setClearCheckSums(this.application.isClearCheckSums());
		liquibase.setAnalyticsEnabled(this.application.getAnalyticsEnabled());
		liquibase.setLicenseKey(this.application.getLicenseKey());
		liquibase.setUiService(this.application.getUiService());
		liquibase.setResourceLoader(this.application.getResourceLoader());
		Customizer<liquibase.Liquibase> customizer = this.application.getCustomizer();
		liquibase.setCustomizer((update) -> {
			if (customizer != null) {
				customizer.customize(update);
			}
			update.setChangeExecListener(tracker);
		});
		try (Connection connection = server.open(schema)) {
			liquibase.setDataSource(new SingleConnectionDataSource(connection, true));
			liquibase.afterPropertiesSet();
			return tracker.ran;
		}
		catch (LiquibaseException | SQLException ex) {
			throw new SchemaCloneException(ex.getMessage(), ex);
		}
	}

	/**
	 * Tells the progress which change set starts, and counts those that ran.
	 */
	private static final class Tracker extends AbstractChangeExecListener {

		private final MigrationProgress progress;

		private int ran;

		Tracker(MigrationProgress progress) {
			this.progress = progress;
		}

		@Override
		public void willRun(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database,
				ChangeSet.RunStatus runStatus) {
			this.progress.started(
					"change set " + changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor());
		}

		@Override
		public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database,
				ChangeSet.ExecType execType) {
			this.ran++;
		}

	}

}
