package dev.schemaclone.internal.workspace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.migration.MigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.SchemaDrop;
import dev.schemaclone.internal.snapshot.TemplateSnapshots;
import dev.schemaclone.internal.workspace.RunSummary.Origin;
import dev.schemaclone.internal.workspace.RunSummary.TemplateUse;
import dev.schemaclone.internal.zerosetup.ZeroSetupServer;
import dev.schemaclone.testsupport.SchemaSnapshot;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A server that has no template for a migration set restores it from a snapshot that an
 * earlier build, on another server of the same release, wrote, instead of running the
 * history; a snapshot it cannot trust is passed over with one line saying why, and the
 * history runs.
 */
@ExtendWith(OutputCaptureExtension.class)
class TemplateSnapshotIT {

	private static final String PREFIX = "it_snapshot";

	private static final String FALLBACK = "from history";

	@TempDir
	Path snapshots;

	@BeforeAll
	static void createCounter() {
		TestTemplates.createCounter();
	}

	@AfterEach
	void dropSchemas() {
		TestServer.dropAll(PREFIX);
	}

	@Test
	void freshServerRestoresTheTemplateFromItsSnapshotWithoutRunningOneMigration(CapturedOutput output)
			throws SQLException {
		String runId = TestTemplates.newRunId();
		FluentConfiguration flyway = TestTemplates.counted(runId, "classpath:appdb");
		Built built = buildSnapshotAndEmpty(new FlywayMigrationSet(flyway), output);
		try (SchemaWorkspace workspace = workspace(TestServer.server())) {
			String restored = restoredAsBuilt(workspace, new FlywayMigrationSet(flyway), built, output);
			assertThat(restored).isEqualTo(built.name());
			assertThat(TestTemplates.runs(runId)).as("runs of the history").isOne();
			String clone = workspace.createClone(restored);
			Flyway migrated = Flyway.configure()
				.configuration(flyway)
				.dataSource(workspace.server().urlOf(clone).toJdbcUrl(), workspace.server().username(),
						workspace.server().password())
				.load();
			migrated.validate();
			assertThat(migrated.migrate().migrationsExecuted).isZero();
		}
		assertThat(occurrences(output, FALLBACK)).as("fallbacks logged").isOne();
	}

	@Test
	void liquibaseTemplateIsRestoredWithItsChangeLogTables(CapturedOutput output) throws SQLException {
		String runId = TestTemplates.newRunId();
		Built built = buildSnapshotAndEmpty(TestTemplates.countedLiquibase(runId), output);
		try (SchemaWorkspace workspace = workspace(TestServer.server())) {
			restoredAsBuilt(workspace, TestTemplates.countedLiquibase(runId), built, output);
		}
		assertThat(TestTemplates.runs(runId)).as("runs of the change log").isOne();
	}

	@Test
	void templateRestoredFromSnapshotEqualsOneBuiltFromHistory(CapturedOutput output) throws SQLException {
		FluentConfiguration flyway = Flyway.configure().locations(TestTemplates.fidelity());
		Built built = buildSnapshotAndEmpty(new FlywayMigrationSet(flyway), output);
		try (SchemaWorkspace workspace = workspace(TestServer.server())) {
			restoredAsBuilt(workspace, new FlywayMigrationSet(flyway), built, output);
		}
	}

	@Test
	void rangerHistoryRestoredFromSnapshotEqualsOneBuiltFromHistory(CapturedOutput output) throws SQLException {
		assumeTrue(TestTemplates.rangerPresent(),
				"the Apache Ranger corpus is not beside the checkout at " + TestTemplates.RANGER);
		FluentConfiguration flyway = Flyway.configure().locations("filesystem:" + TestTemplates.RANGER);
		Built built = buildSnapshotAndEmpty(new FlywayMigrationSet(flyway), output);
		try (SchemaWorkspace workspace = workspace(TestServer.server())) {
			workspace.createClone(restoredAsBuilt(workspace, new FlywayMigrationSet(flyway), built, output));
		}
	}

	@Test
	void writersOfOneSnapshotAtOnceLeaveReadersAWholeFile(CapturedOutput output) throws Exception {
		FluentConfiguration flyway = Flyway.configure()
			.locations("classpath:appdb")
			.placeholders(Map.of("runId", TestTemplates.newRunId()));
		String template = buildAndSnapshot(flyway, output);
		String[] key = snapshotFiles().get(0).getFileName().toString().split("-");
		TemplateSnapshots snapshots = new TemplateSnapshots(this.snapshots);
		ExecutorService executor = Executors.newFixedThreadPool(5);
		try (Connection connection = TestServer.server().open()) {
			List<Future<?>> writers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				writers.add(executor.submit(() -> {
					for (int round = 0; round < 5; round++) {
						snapshots.write(TestServer.server(), template, key[1], key[0], 1, 100);
					}
				}));
			}
			while (writers.stream().anyMatch((writer) -> !writer.isDone())) {
				assertThat(snapshots.find(connection, template, key[1], key[0])).isNotNull();
			}
			for (Future<?> writer : writers) {
				writer.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(occurrences(output, "Wrote snapshot of template")).isEqualTo(21);
		assertThat(output).doesNotContain("Ignoring snapshot", "Wrote no snapshot of template '" + template + "'");
		assertThat(snapshotFiles()).hasSize(1);
		try (Stream<Path> files = Files.list(this.snapshots)) {
			assertThat(files).as("files left beside the snapshot").hasSize(1);
		}
	}

	@Test
	void changedMigrationBuildsFromHistory(CapturedOutput output) throws IOException {
		String runId = TestTemplates.newRunId();
		Path second = shelfHistory("-migrations");
		Path migrations = second.getParent();
		Files.writeString(second, "INSERT INTO shelf VALUES (1);\n");
		buildAndSnapshot(TestTemplates.counted(runId, "filesystem:" + migrations), output);
		Files.writeString(second, "INSERT INTO shelf VALUES (2);\n");
		emptyServer();
		try (SchemaWorkspace workspace = workspace(TestServer.server())) {
			workspace.template(new FlywayMigrationSet(TestTemplates.counted(runId, "filesystem:" + migrations)));
			awaitSnapshots(output, 2);
		}
		assertThat(TestTemplates.runs(runId)).as("runs of the history").isEqualTo(2);
		assertThat(occurrences(output, FALLBACK)).as("fallbacks logged").isEqualTo(2);
		assertThat(occurrences(output, "are of other versions of these migrations (one was changed or added since)"))
			.isOne();
	}

	@Test
	void snapshotOfATemplateFoundReadyCountsAsUsedWhenOlderOnesArePruned(CapturedOutput output) throws IOException {
		String runId = TestTemplates.newRunId();
		Path second = shelfHistory("-branches");
		FluentConfiguration flyway = TestTemplates.counted(runId, "filesystem:" + second.getParent());
		try (SchemaWorkspace workspace = workspace(TestServer.server())) {
			// Branches a, b and c, each built once and snapshotted.
			for (int branch = 1; branch <= 3; branch++) {
				Files.writeString(second, "INSERT INTO shelf VALUES (" + branch + ");\n");
				workspace.template(new FlywayMigrationSet(flyway));
				awaitSnapshots(output, branch);
			}
			List<Path> written = snapshotFiles();
			Path first = written.stream().min(Comparator.comparing(TemplateSnapshotIT::modified)).orElseThrow();
			// Back on branch a: its template is still on the server, found ready.
			Files.writeString(second, "INSERT INTO shelf VALUES (1);\n");
			workspace.template(new FlywayMigrationSet(flyway));
			// Then branch d, built: pruning keeps the three most recently used.
			Files.writeString(second, "INSERT INTO shelf VALUES (4);\n");
			workspace.template(new FlywayMigrationSet(flyway));
			awaitSnapshots(output, 4);
			await("pruned").atMost(Duration.ofSeconds(10)).until(() -> snapshotFiles().size() == 3);
			assertThat(snapshotFiles()).as("snapshots after branch d").contains(first);
		}
		assertThat(TestTemplates.runs(runId)).as("runs of the history").isEqualTo(4);
	}

	@Test
	void snapshotCutInHalfIsIgnoredAndWrittenAgain(CapturedOutput output) throws IOException {
		String runId = TestTemplates.newRunId();
		FluentConfiguration flyway = TestTemplates.counted(runId, "classpath:appdb");
		buildAndSnapshot(flyway, output);
		Path file = snapshotFiles().get(0);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.truncate(channel.size() / 2);
		}
		emptyServer();
		try (SchemaWorkspace workspace = workspace(TestServer.server())) {
			workspace.template(new FlywayMigrationSet(flyway));
		}
		assertThat(TestTemplates.runs(runId)).as("runs of the history").isEqualTo(2);
		assertThat(occurrences(output, "Ignoring snapshot " + file + ", which cannot be read")).isOne();
		assertThat(occurrences(output, FALLBACK)).as("fallbacks logged").isEqualTo(2);
		awaitSnapshots(output, 2);
		emptyServer();
		try (SchemaWorkspace workspace = workspace(TestServer.server())) {
			workspace.template(new FlywayMigrationSet(flyway));
		}
		assertThat(output).contains("Restored template");
		assertThat(TestTemplates.runs(runId)).as("runs of the history").isEqualTo(2);
	}

	@Test
	void snapshotOfAnotherServerVersionIsIgnored(CapturedOutput output) {
		String runId = TestTemplates.newRunId();
		FluentConfiguration flyway = Flyway.configure()
			.locations("classpath:appdb")
			.placeholders(Map.of("runId", runId));
		buildAndSnapshot(flyway, output);
		// The embedded MariaDB of the zero-setup default is a real server of another
		// release than the tests' own.
		ZeroSetupServer zeroSetup = ZeroSetupServer.get();
		DatabaseServer other = new DatabaseServer(zeroSetup.url(), zeroSetup.username(), zeroSetup.password());
		try (SchemaWorkspace workspace = workspace(other)) {
			String template = workspace.template(new FlywayMigrationSet(flyway));
			assertThat(output).contains("Built template '" + template + "'");
			awaitSnapshots(output, 2);
		}
		finally {
			dropAllOn(other);
		}
		assertThat(occurrences(output, "was taken on MariaDB-")).isOne();
		assertThat(occurrences(output, FALLBACK)).as("fallbacks logged").isEqualTo(2);
		assertThat(snapshotFiles()).hasSize(2);
	}

	private String buildAndSnapshot(FluentConfiguration flyway, CapturedOutput output) {
		return buildAndSnapshot(new FlywayMigrationSet(flyway), output);
	}

	private String buildAndSnapshot(MigrationSet migrations, CapturedOutput output) {
		try (SchemaWorkspace workspace = workspace(TestServer.server())) {
			String template = workspace.template(migrations);
			awaitSnapshots(output, 1);
			return template;
		}
	}

	/**
	 * Build a template from history and snapshot it, then empty the server.
	 */
	private Built buildSnapshotAndEmpty(MigrationSet migrations, CapturedOutput output) throws SQLException {
		String name = buildAndSnapshot(migrations, output);
		Built built = new Built(name, exact(name));
		emptyServer();
		return built;
	}

	/**
	 * Ask an emptied server for the template again: restored from its snapshot, said so
	 * in the log and the summary, and equal on the exact oracle to the one built from
	 * history.
	 */
	private static String restoredAsBuilt(SchemaWorkspace workspace, MigrationSet migrations, Built built,
			CapturedOutput output) throws SQLException {
		String restored = workspace.template(migrations);
		assertThat(output).contains("Restored template '" + restored + "' from snapshot");
		assertThat(exact(restored).firstDifference(built.history())).isNull();
		assertThat(workspace.summary().templates()).extracting(TemplateUse::origin).containsExactly(Origin.RESTORED);
		return restored;
	}

	/**
	 * Write a history whose first migration creates a shelf table, in a folder beside the
	 * snapshots, and return the path of its second migration, which a test writes.
	 */
	private Path shelfHistory(String folder) throws IOException {
		Path migrations = Files.createDirectories(this.snapshots.resolveSibling(this.snapshots.getFileName() + folder));
		Files.writeString(migrations.resolve("V1__shelf.sql"), "CREATE TABLE shelf (id INT PRIMARY KEY);\n");
		return migrations.resolve("V2__first_shelf.sql");
	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void awaitSnapshots(CapturedOutput output, int count) {
		await("snapshot written").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> occurrences(output, "Wrote snapshot of template") >= count);
	}

	/**
	 * Drop every schema of the prefix, registry included, as a fresh service container
	 * starts with none.
	 */
	private static void emptyServer() {
		TestServer.dropAll(PREFIX);
		assertThat(TestServer.schemasLike(PREFIX + "\\_%")).isEmpty();
	}

	private SchemaWorkspace workspace(DatabaseServer server) {
		return SchemaWorkspace.open(server,
				new WorkspaceSettings(PREFIX, Duration.ofSeconds(120), Duration.ofSeconds(120))
					.withSnapshots(this.snapshots));
	}

	private List<Path> snapshotFiles() {
		try (Stream<Path> files = Files.list(this.snapshots)) {
			return files.filter((file) -> file.toString().endsWith(".snapshot")).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SchemaSnapshot exact(String schema) throws SQLException {
		try (Connection connection = TestServer.server().open()) {
			return SchemaSnapshot.exact(connection, schema);
		}
	}

	private static void dropAllOn(DatabaseServer server) {
		try (Connection connection = server.open()) {
			List<String> schemas = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet result = statement
						.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '"
								+ PREFIX + "\\_%'")) {
				while (result.next()) {
					schemas.add(result.getString(1));
				}
			}
			for (String schema : schemas) {
				SchemaDrop.dropIfExists(connection, schema);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int occurrences(CapturedOutput output, String text) {
		String all = output.getAll();
		int count = 0;
		for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + text.length())) {
			count++;
		}
		return count;
	}

	/**
	 * A template built from history, and what it held.
	 */
	private record Built(String name, SchemaSnapshot history) {

	}

}
