package dev.schemaclone.internal.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import liquibase.integration.spring.SpringLiquibase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.schemaclone.internal.migration.LiquibaseMigrationSet;
import dev.schemaclone.testsupport.TestServer;

/**
 * Flyway configurations, workspaces and clean-up for the engine's integration tests. Each
 * test class uses its own schema prefix and drops everything under it afterwards.
 */
public final class TestTemplates {

	public static final String COUNTER_SCHEMA = "schemaclone_it_counter";

	static final Path RANGER = Path.of("../../shared/corpora/apache-ranger-mysql/migrations")
		.toAbsolutePath()
		.normalize();

	private TestTemplates() {
	}

	/**
	 * A Flyway configuration whose history counts its runs under a fresh run id, so that
	 * it has a fingerprint no earlier test run built.
	 */
	static FluentConfiguration counted(String runId, String... locations) {
		List<String> all = new ArrayList<>(List.of(locations));
		all.add("classpath:counted");
		return Flyway.configure()
			.locations(all.toArray(String[]::new))
			.placeholders(Map.of("counterSchema", COUNTER_SCHEMA, "runId", runId));
	}

	/**
	 * A Liquibase change log whose update counts its runs under a run id, like
	 * {@link #counted(String, String...)}.
	 */
	static LiquibaseMigrationSet countedLiquibase(String runId) {
		return new LiquibaseMigrationSet(liquibase("classpath:liquibase/counted/changelog.sql",
				Map.of("counterSchema", COUNTER_SCHEMA, "runId", runId)));
	}

	/**
	 * A {@code SpringLiquibase} as Spring Boot would configure it for a change log.
	 */
	public static SpringLiquibase liquibase(String changeLog, Map<String, String> parameters) {
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setChangeLog(changeLog);
		liquibase.setChangeLogParameters(parameters);
		liquibase.setResourceLoader(new DefaultResourceLoader());
		return liquibase;
	}

	/**
	 * The locations of the every-object-kind history: with its event wherever the server
	 * can create events (not under {@code --skip-grant-tables}, as the embedded
	 * zero-setup MariaDB runs), and its sequences and system-versioned tables on MariaDB.
	 */
	static String[] fidelity() {
		List<String> locations = new ArrayList<>(List.of("classpath:fidelity"));
		if (serverHasEvents()) {
			locations.add("classpath:fidelity-events");
		}
		if (serverIsMariaDb()) {
			locations.add("classpath:fidelity-mariadb");
		}
		return locations.toArray(String[]::new);
	}

	/**
	 * Whether the server is MariaDB, which has sequences, system-versioned tables and
	 * application-time periods; MySQL has none of them.
	 */
	static boolean serverIsMariaDb() {
		return queryString("SELECT VERSION()").contains("MariaDB");
	}

	/**
	 * Return how many migrations {@link #fidelity()} holds on this server.
	 */
	static int fidelityMigrations() {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		int count = 0;
		for (String location : fidelity()) {
			try {
				count += resolver.getResources(location + "/V*.sql").length;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return count;
	}

	static boolean serverHasEvents() {
		try (Connection connection = TestServer.server().open();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT @@event_scheduler")) {
			result.next();
			return !"DISABLED".equalsIgnoreCase(result.getString(1));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The lease grace of the tests' child JVMs: the shortest there is, so that a test
	 * waits out a killed child's grace in seconds.
	 */
	static final Duration CHILD_LEASE_GRACE = WorkspaceSettings.MIN_LEASE_GRACE;

	/**
	 * Return the settings of a child JVM: those of {@link #workspace(String)}, with
	 * {@link #CHILD_LEASE_GRACE}.
	 */
	static WorkspaceSettings childSettings(String prefix) {
		return new WorkspaceSettings(prefix, Duration.ofSeconds(120), Duration.ofSeconds(120))
			.withLeaseGrace(CHILD_LEASE_GRACE);
	}

	public static String newRunId() {
		return UUID.randomUUID().toString();
	}

	static SchemaWorkspace workspace(String prefix) {
		return SchemaWorkspace.open(TestServer.server(),
				new WorkspaceSettings(prefix, Duration.ofSeconds(60), Duration.ofSeconds(60)));
	}

	/**
	 * A workspace that prefetches nothing and keeps up to some warm clones per template.
	 */
	static SchemaWorkspace workspace(String prefix, int keepWarm) {
		return SchemaWorkspace.open(TestServer.server(), new WorkspaceSettings(prefix, Duration.ofSeconds(60),
				Duration.ofSeconds(60), 0, WorkspaceSettings.DEFAULT_CLONE_CONNECTIONS, keepWarm, 0));
	}

	public static void createCounter() {
		TestServer.execute("CREATE DATABASE IF NOT EXISTS " + COUNTER_SCHEMA,
				"CREATE TABLE IF NOT EXISTS " + COUNTER_SCHEMA
						+ ".runs (run_id VARCHAR(64) NOT NULL, at TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP(6))",
				"CREATE TABLE IF NOT EXISTS " + COUNTER_SCHEMA + ".slow_down (seconds INT NOT NULL)");
	}

	public static int runs(String runId) {
		return queryInt("SELECT COUNT(*) FROM " + COUNTER_SCHEMA + ".runs WHERE run_id = '" + runId + "'");
	}

	static int queryInt(String sql) {
		String value = queryString(sql);
		return (value != null) ? Integer.parseInt(value) : 0;
	}

	static String queryString(String sql) {
		try (Connection connection = TestServer.server().open();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static boolean rangerPresent() {
		return Files.isDirectory(RANGER);
	}

}
