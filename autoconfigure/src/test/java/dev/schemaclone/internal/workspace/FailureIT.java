package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.schemaclone.internal.coordination.NamedLock;
import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.server.SchemaCloneException;
import dev.schemaclone.testsupport.ChildJvm;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What a failing migration, a lock held too long, a blocked migration, a foreign schema
 * in our way and a transaction left open on a clone get: a clear error within a bounded
 * time, and nothing of anyone else's dropped.
 */
class FailureIT {

	private static final String PREFIX = "it_failure";

	@RegisterExtension
	static final SchemaPrefix schemas = new SchemaPrefix(PREFIX);

	@Test
	void failingMigrationIsNamedAndWaitersFailFastWithoutRebuilding() {
		String runId = TestTemplates.newRunId();
		FluentConfiguration broken = TestTemplates.counted(runId, "classpath:broken");
		try (SchemaWorkspace waiter = TestTemplates.workspace(PREFIX);
				SchemaWorkspace builder = TestTemplates.workspace(PREFIX)) {
			assertThatExceptionOfType(SchemaCloneException.class)
				.isThrownBy(() -> builder.template(new FlywayMigrationSet(broken)))
				.withMessageContaining("failed at migration V2__broken.sql")
				.withMessageContaining("Error Code : 1064");
			String template = new SchemaRegistry(PREFIX)
				.templateName(new FlywayMigrationSet(broken).fingerprint().shortHex());
			assertThat(state(template)).isEqualTo("FAILED");
			// A process that was already running when the build failed gets the error at
			// once.
			assertThatExceptionOfType(SchemaCloneException.class)
				.isThrownBy(() -> waiter.template(new FlywayMigrationSet(broken)))
				.withMessageContaining("failed to build in another process")
				.withMessageContaining("V2__broken.sql");
		}
		// A later run tries again, and meets the same error rather than a stale one.
		try (SchemaWorkspace later = TestTemplates.workspace(PREFIX)) {
			assertThatExceptionOfType(SchemaCloneException.class)
				.isThrownBy(() -> later.template(new FlywayMigrationSet(broken)))
				.withMessageContaining("failed at migration V2__broken.sql");
		}
		// Fixed: the set without the broken migration builds.
		try (SchemaWorkspace fixed = TestTemplates.workspace(PREFIX)) {
			assertThat(fixed.template(new FlywayMigrationSet(TestTemplates.counted(runId))))
				.startsWith(PREFIX + "_tpl_");
		}
	}

	@Test
	void lockNotGrantedInTimeNamesLockHolderAndProperty() throws Exception {
		FluentConfiguration configuration = TestTemplates.counted(TestTemplates.newRunId());
		String lockName = buildLockName(configuration);
		try (Connection holder = TestServer.server().open();
				NamedLock held = NamedLock.acquire(holder, lockName, Duration.ofSeconds(1), "test");
				SchemaWorkspace workspace = SchemaWorkspace.open(TestServer.server(),
						new WorkspaceSettings(PREFIX, Duration.ofSeconds(2), Duration.ofSeconds(60)))) {
			long holderId = connectionId(holder);
			long start = System.nanoTime();
			assertThatExceptionOfType(SchemaCloneException.class)
				.isThrownBy(() -> workspace.template(new FlywayMigrationSet(configuration)))
				.withMessageContaining("Timed out after PT2S waiting for lock '" + lockName + "'")
				.withMessageContaining("connection id " + holderId)
				.withMessageContaining("raise 'lockTimeout'");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
		}
	}

	@Test
	void secondJvmWaitingOnASlowBuildFailsAtTheLockTimeout() throws Exception {
		String runId = TestTemplates.newRunId();
		TestServer.execute("INSERT INTO " + TestTemplates.COUNTER_SCHEMA + ".slow_down VALUES (60)");
		FluentConfiguration slow = TestTemplates.counted(runId, "classpath:slow");
		String lockName = buildLockName(slow);
		try (ChildJvm builder = ChildJvm.start(TemplateClient.class, PREFIX, runId, "hold", "classpath:slow");
				SchemaWorkspace waiter = SchemaWorkspace.open(TestServer.server(),
						new WorkspaceSettings(PREFIX, Duration.ofSeconds(3), Duration.ofSeconds(60)))) {
			awaitLockHeld(lockName);
			long start = System.nanoTime();
			assertThatExceptionOfType(SchemaCloneException.class)
				.isThrownBy(() -> waiter.template(new FlywayMigrationSet(slow)))
				.withMessageContaining("Timed out after PT3S waiting for lock '" + lockName + "'")
				.withMessageContaining("held by connection id")
				.withMessageContaining("raise 'lockTimeout'");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
		}
	}

	private static void awaitLockHeld(String lockName) {
		await("the builder taking lock " + lockName).atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> TestTemplates.queryInt("SELECT IS_USED_LOCK('" + lockName + "') IS NOT NULL") == 1);
	}

	@Test
	void blockedMigrationIsStoppedAtTheMigrationTimeout() {
		String runId = TestTemplates.newRunId();
		TestServer.execute("INSERT INTO " + TestTemplates.COUNTER_SCHEMA + ".slow_down VALUES (300)");
		FluentConfiguration slow = TestTemplates.counted(runId, "classpath:slow");
		try (SchemaWorkspace workspace = SchemaWorkspace.open(TestServer.server(),
				new WorkspaceSettings(PREFIX, Duration.ofSeconds(60), Duration.ofSeconds(3)))) {
			long start = System.nanoTime();
			assertThatExceptionOfType(SchemaCloneException.class)
				.isThrownBy(() -> workspace.template(new FlywayMigrationSet(slow)))
				.withMessageContaining("did not finish within PT3S")
				.withMessageContaining("migration V101__slow.sql")
				.withMessageContaining("Raise 'migrationTimeout'");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
			assertThat(state(
					new SchemaRegistry(PREFIX).templateName(new FlywayMigrationSet(slow).fingerprint().shortHex())))
				.isEqualTo("FAILED");
		}
	}

	@Test
	void schemaWithOurNameThatWeDidNotCreateIsNeitherUsedNorDropped() {
		FluentConfiguration configuration = TestTemplates.counted(TestTemplates.newRunId());
		String squatter = new SchemaRegistry(PREFIX)
			.templateName(new FlywayMigrationSet(configuration).fingerprint().shortHex());
		TestServer.execute("CREATE DATABASE `" + squatter + "`", "CREATE TABLE `" + squatter + "`.precious (id INT)");
		try (SchemaWorkspace workspace = TestTemplates.workspace(PREFIX)) {
			assertThatExceptionOfType(SchemaCloneException.class)
				.isThrownBy(() -> workspace.template(new FlywayMigrationSet(configuration)))
				.withMessageContaining("Schema '" + squatter + "' exists but schemaclone has no record of creating it");
			assertThatExceptionOfType(SchemaCloneException.class).isThrownBy(() -> workspace.drop(squatter))
				.withMessageContaining("no record of creating it");
			assertThatExceptionOfType(SchemaCloneException.class).isThrownBy(() -> workspace.drop("mysql"))
				.withMessageContaining("its name is not one schemaclone gives");
		}
		assertThat(TestTemplates
			.queryInt("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + squatter + "'"))
			.isEqualTo(1);
	}

	@Test
	void dropBlockedByATransactionLeftOpenGivesUpWithinItsBoundAndKeepsTheRecord() throws Exception {
		try (SchemaWorkspace workspace = TestTemplates.workspace(PREFIX);
				Connection leaked = TestServer.server().open()) {
			String clone = workspace.createClone(
					workspace.template(new FlywayMigrationSet(TestTemplates.counted(TestTemplates.newRunId()))));
			leaked.setAutoCommit(false);
			try (Statement statement = leaked.createStatement()) {
				statement.executeQuery("SELECT COUNT(*) FROM `" + clone + "`.flyway_schema_history").close();
			}
			long start = System.nanoTime();
			assertThatExceptionOfType(SchemaCloneException.class).isThrownBy(() -> workspace.drop(clone))
				.withMessageContaining("Cannot drop schema '" + clone + "'")
				.withMessageContaining("Lock wait timeout exceeded");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(45));
			leaked.rollback();
			assertThat(state(clone)).isEqualTo(SchemaRegistry.CLONE);
		}
	}

	private static String buildLockName(FluentConfiguration configuration) {
		SchemaRegistry registry = new SchemaRegistry(PREFIX);
		return registry
			.buildLockName(registry.templateName(new FlywayMigrationSet(configuration).fingerprint().shortHex()));
	}

	private static String state(String template) {
		try (Connection connection = TestServer.server().open();
				PreparedStatement statement = connection
					.prepareStatement("SELECT state FROM " + PREFIX + "_registry.owned_schema WHERE schema_name = ?")) {
			statement.setString(1, template);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? result.getString(1) : null;
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long connectionId(Connection connection) throws Exception {
		try (ResultSet result = connection.createStatement().executeQuery("SELECT CONNECTION_ID()")) {
			result.next();
			return result.getLong(1);
		}
	}

}
