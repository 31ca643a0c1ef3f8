package dev.schemaclone.internal.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.schemaclone.internal.coordination.NamedLock;
import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.MySqlUrl;
import dev.schemaclone.internal.server.SchemaCloneException;
import dev.schemaclone.testsupport.ThrowawayServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A server that is not there, refuses the credentials or the privileges, keeps a file it
 * does not know in a clone's directory, restarts or goes away mid-suite: a clear error
 * within seconds, never a hang, and never a password in a message or a log line. Runs on
 * a throwaway {@code mariadbd}, never the shared server.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(OrderAnnotation.class)
class ServerFaultsIT {

	private static final Duration BOUND = Duration.ofSeconds(20);

	private static ThrowawayServer server;

	@BeforeAll
	static void startServer() throws Exception {
		assumeTrue(ThrowawayServer.unavailableReason() == null, ThrowawayServer.unavailableReason());
		server = ThrowawayServer.start();
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@Test
	@Order(1)
	void closedPortFailsWithinSecondsNamingTheServer(CapturedOutput output) throws Exception {
		int port = ThrowawayServer.freePort();
		DatabaseServer closed = new DatabaseServer(MySqlUrl.parse("jdbc:mysql://127.0.0.1:" + port + "/"), "admin",
				"closed-port-secret");
		long start = System.nanoTime();
		assertThatExceptionOfType(SchemaCloneException.class).isThrownBy(() -> open(closed))
			.withMessageContaining("Cannot connect to jdbc:mysql://127.0.0.1:" + port + "/ as 'admin'")
			.withMessageContaining("Check that the server runs")
			.withMessageNotContaining("closed-port-secret");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
		assertThat(output).doesNotContain("closed-port-secret");
	}

	@Test
	@Order(2)
	void wrongPasswordIsRefusedWithoutPrintingIt(CapturedOutput output) {
		assertThatExceptionOfType(SchemaCloneException.class).isThrownBy(() -> open(server.as("admin", "wrong-secret")))
			.withMessageContaining("Access denied for user 'admin'")
			.withMessageNotContaining("wrong-secret");
		assertThat(output).doesNotContain("wrong-secret");
	}

	@Test
	@Order(2)
	void lockHolderHiddenFromAUserWithoutProcessIsSaidToBeHidden() throws Exception {
		server.execute("CREATE USER 'waiter'@'%' IDENTIFIED BY 'waiter-secret'");
		try (Connection holder = server.admin().open();
				NamedLock held = NamedLock.acquire(holder, "it_faults_hidden", Duration.ofSeconds(1), "advice");
				Connection waiter = server.as("waiter", "waiter-secret").open()) {
			assertThatExceptionOfType(SchemaCloneException.class)
				.isThrownBy(() -> NamedLock.acquire(waiter, "it_faults_hidden", Duration.ofSeconds(1), "advice"))
				.withMessageContaining("held by connection id")
				.withMessageContaining(
						"its user and host are hidden: seeing other users' sessions needs the PROCESS privilege");
		}
	}

	@Test
	@Order(3)
	void userWithoutCreateIsToldWhatToGrant(CapturedOutput output) throws Exception {
		server.execute("CREATE USER 'reader'@'%' IDENTIFIED BY 'reader-secret'", "GRANT SELECT ON *.* TO 'reader'@'%'");
		assertThatExceptionOfType(SchemaCloneException.class)
			.isThrownBy(() -> open(server.as("reader", "reader-secret")))
			.withMessageContaining("Cannot prepare schemaclone's registry")
			.withMessageContaining("Access denied for user 'reader'")
			.withMessageContaining("give an admin user as the server's username and password")
			.withMessageNotContaining("reader-secret");
		assertThat(output).doesNotContain("reader-secret");
	}

	@Test
	@Order(4)
	void fileLingeringInCloneDirectoryIsWaitedOut() throws Exception {
		try (SchemaWorkspace workspace = open(server.admin())) {
			String clone = cloneWithStrayFile(workspace, "lingering.tmp");
			Path lingering = server.schemaDirectory(clone).resolve("lingering.tmp");
			Thread remover = new Thread(() -> deleteAfter(lingering, Duration.ofMillis(300)));
			remover.start();
			workspace.drop(clone);
			remover.join();
			assertThat(exists(clone)).isFalse();
		}
	}

	@Test
	@Order(5)
	void fileStuckInCloneDirectoryMarksItUndroppableWithinSecondsWithOneWarning(CapturedOutput output)
			throws Exception {
		try (SchemaWorkspace workspace = open(server.admin())) {
			String clone = cloneWithStrayFile(workspace, "stuck.tmp");
			long start = System.nanoTime();
			workspace.drop(clone);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
			// The record stays, so that no one creates a schema of that name; sweeps pass
			// it over.
			try (Connection connection = server.admin().open()) {
				assertThat(workspace.registry().find(connection, clone).state()).isEqualTo("UNDROPPABLE");
			}
			try (SchemaWorkspace next = open(server.admin())) {
				assertThat(warningsAbout(output, clone)).singleElement()
					.asString()
					.contains("Directory not empty",
							"holds a file it does not know in '%s': remove it".formatted(clone),
							"passes it over from now on", "DROP DATABASE `%s`".formatted(clone));
			}
			Files.delete(server.schemaDirectory(clone).resolve("stuck.tmp"));
			server.execute("DROP DATABASE `" + clone + "`");
			try (SchemaWorkspace next = open(server.admin()); Connection connection = server.admin().open()) {
				assertThat(workspace.registry().find(connection, clone)).as("forgotten once dropped by hand").isNull();
			}
		}
	}

	@Test
	@Order(5)
	void keptCopyTheServerWillNotDropIsSkippedWithOneWarningAndLaterCopiesAreStillKept(CapturedOutput output)
			throws Exception {
		String undroppable = keepOneFailedCopy();
		Files.createFile(server.schemaDirectory(undroppable).resolve("loan.TRG-"));
		String second = keepOneFailedCopy();
		String third = keepOneFailedCopy();
		assertThat(second).isNotNull();
		assertThat(third).isNotNull();
		assertThat(exists(undroppable)).isTrue();
		assertThat(exists(second)).as("the oldest droppable copy beyond the bound").isFalse();
		assertThat(exists(third)).isTrue();
		assertThat(warningsAbout(output, undroppable)).hasSize(1);
		assertThat(output).doesNotContain("Could not keep a copy");
		Files.delete(server.schemaDirectory(undroppable).resolve("loan.TRG-"));
	}

	/**
	 * Keep a copy of a failed test's clone in a process of its own that keeps one at
	 * most.
	 */
	private static String keepOneFailedCopy() {
		try (SchemaWorkspace workspace = SchemaWorkspace.open(server.admin(),
				new WorkspaceSettings("it_faults", Duration.ofSeconds(30), Duration.ofSeconds(60), 0, 1, 0, 1))) {
			String clone = workspace.createClone(
					workspace.template(new FlywayMigrationSet(Flyway.configure().locations(TestTemplates.fidelity()))));
			String copy = workspace.keepFailed(clone);
			workspace.endClones();
			return copy;
		}
	}

	private static List<String> warningsAbout(CapturedOutput output, String schema) {
		return output.getOut().lines().filter((line) -> line.contains("WARN") && line.contains(schema)).toList();
	}

	@Test
	@Order(6)
	void serverRestartedMidSuiteKeepsClonesAndLease(CapturedOutput output) throws Exception {
		try (SchemaWorkspace workspace = open(server.admin())) {
			String template = workspace
				.template(new FlywayMigrationSet(Flyway.configure().locations(TestTemplates.fidelity())));
			String before = workspace.createClone(template);
			server.restart();
			long start = System.nanoTime();
			String after = workspace.createClone(template);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
			assertThat(after).isNotEqualTo(before);
			// The lease was taken again: another process's sweep sees a live owner.
			try (SchemaWorkspace other = open(server.admin())) {
				assertThat(exists(before)).isTrue();
				assertThat(exists(after)).isTrue();
			}
			assertThat(output).contains("again on a new connection").doesNotContain("admin-secret");
		}
	}

	@Test
	@Order(7)
	void serverGoneMidSuiteFailsWithinSeconds() throws Exception {
		try (SchemaWorkspace workspace = open(server.admin())) {
			String template = workspace
				.template(new FlywayMigrationSet(Flyway.configure().locations(TestTemplates.fidelity())));
			server.stop();
			long start = System.nanoTime();
			assertThatExceptionOfType(SchemaCloneException.class).isThrownBy(() -> workspace.createClone(template))
				.withMessageContaining("Cannot connect to jdbc:mysql://127.0.0.1:" + server.port() + "/");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
		}
	}

	/**
	 * A clone whose directory also holds a file the server does not know.
	 */
	private static String cloneWithStrayFile(SchemaWorkspace workspace, String file) throws Exception {
		String clone = workspace.createClone(
				workspace.template(new FlywayMigrationSet(Flyway.configure().locations(TestTemplates.fidelity()))));
		Files.createFile(server.schemaDirectory(clone).resolve(file));
		return clone;
	}

	private static void deleteAfter(Path file, Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
			Files.delete(file);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SchemaWorkspace open(DatabaseServer target) {
		return SchemaWorkspace.open(target,
				new WorkspaceSettings("it_faults", Duration.ofSeconds(30), Duration.ofSeconds(60)));
	}

	private static boolean exists(String schema) throws Exception {
		try (var connection = server.admin().open();
				var statement = connection.createStatement();
				var result = statement.executeQuery(
						"SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + schema + "'")) {
			result.next();
			return result.getInt(1) == 1;
		}
	}

}
