package dev.schemaclone.internal.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.testsupport.ChildJvm;
import dev.schemaclone.testsupport.SchemaSnapshot;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A changed migration set builds a new template once; older templates of the same
 * application are dropped beyond the three most recently used, templates of other
 * applications are kept, a template unused for a week goes, except one a live process has
 * clones of or is cloning; nothing that is not ours is dropped.
 */
class TemplateRetentionIT {

	private static final String PREFIX = "it_retain";

	@RegisterExtension
	static final SchemaPrefix schemas = new SchemaPrefix(PREFIX);

	@Test
	void olderTemplatesAreDroppedUnlessInUse() {
		String decoy = PREFIX + "_tpl_0000000000000000";
		TestServer.execute("CREATE DATABASE " + decoy);
		List<String> templates = new ArrayList<>();
		try (SchemaWorkspace user = TestTemplates.workspace(PREFIX);
				SchemaWorkspace builder = TestTemplates.workspace(PREFIX)) {
			String first = user.template(new FlywayMigrationSet(TestTemplates.counted(TestTemplates.newRunId())));
			user.createClone(first);
			templates.add(first);
			for (int i = 0; i < 4; i++) {
				String runId = TestTemplates.newRunId();
				templates.add(builder.template(new FlywayMigrationSet(TestTemplates.counted(runId))));
				// Each changed set builds once, however often it is asked for.
				assertThat(builder.template(new FlywayMigrationSet(TestTemplates.counted(runId))))
					.isEqualTo(templates.get(templates.size() - 1));
				assertThat(TestTemplates.runs(runId)).isEqualTo(1);
			}
			// Other tests' templates are other applications': not this one's to count.
			assertThat(TestServer.schemasLike(PREFIX + "\\_tpl\\_%"))
				.contains(decoy, templates.get(0), templates.get(2), templates.get(3), templates.get(4))
				.doesNotContain(templates.get(1));
		}
	}

	@Test
	void sixApplicationsOnOneServerEachMigrateOnceOverTwoRoundsOfSeparateJvms(@TempDir Path root) throws Exception {
		List<String> runIds = new ArrayList<>();
		List<String> locations = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			runIds.add(TestTemplates.newRunId());
			locations.add(application(root, "app" + i));
		}
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 6; i++) {
				try (ChildJvm child = ChildJvm.start(TemplateClient.class, PREFIX, runIds.get(i), "exit",
						locations.get(i))) {
					child.awaitLine("CLONE ", 120);
					assertThat(child.waitFor(60)).isZero();
				}
			}
		}
		for (String runId : runIds) {
			assertThat(TestTemplates.runs(runId)).isEqualTo(1);
		}
	}

	@Test
	void templateUnusedPastTheBoundIsDroppedButOneInUseIsNot(@TempDir Path root) throws Exception {
		try (SchemaWorkspace user = TestTemplates.workspace(PREFIX);
				SchemaWorkspace builder = TestTemplates.workspace(PREFIX)) {
			String inUse = user.template(
					new FlywayMigrationSet(TestTemplates.counted(TestTemplates.newRunId(), application(root, "used"))));
			user.createClone(inUse);
			String idle = builder.template(
					new FlywayMigrationSet(TestTemplates.counted(TestTemplates.newRunId(), application(root, "idle"))));
			TestServer.execute("UPDATE " + PREFIX
					+ "_registry.owned_schema SET last_used_at = CURRENT_TIMESTAMP(6) - INTERVAL 8 DAY"
					+ " WHERE schema_name IN ('" + inUse + "', '" + idle + "')");
			String next = builder.template(
					new FlywayMigrationSet(TestTemplates.counted(TestTemplates.newRunId(), application(root, "next"))));
			assertThat(TestServer.schemasLike(PREFIX + "\\_tpl\\_%")).contains(inUse, next).doesNotContain(idle);
		}
	}

	/**
	 * Write one application's history, as Spring Boot's default location holds it.
	 * @return its Flyway location
	 */
	private static String application(Path root, String name) throws Exception {
		Path folder = Files.createDirectories(root.resolve(name).resolve("db/migration"));
		Files.writeString(folder.resolve("V1__init.sql"), "CREATE TABLE " + name + "_thing (id INT PRIMARY KEY);");
		return "filesystem:" + folder;
	}

	@Test
	void templateMarkedForRetirementAfterItWasFoundReadyIsNotCloned() throws Exception {
		try (SchemaWorkspace workspace = TestTemplates.workspace(PREFIX)) {
			String template = workspace
				.template(new FlywayMigrationSet(TestTemplates.counted(TestTemplates.newRunId())));
			// Another process's retention marks it between this one finding it ready and
			// cloning it.
			markRetiring(template);
			assertThatExceptionOfType(TemplateRetiredException.class).isThrownBy(() -> workspace.createClone(template))
				.withMessage(
						"Template '%s' is being dropped by template retention in another process".formatted(template));
			assertThat(TestServer.schemasLike(PREFIX + "\\_c\\_" + workspace.lease().token() + "\\_%")).isEmpty();
		}
	}

	@Test
	void templateLeftMarkedByARetentionThatDiedIsBuiltAgainForTheNextContext() throws Exception {
		String runId = TestTemplates.newRunId();
		try (SchemaWorkspace workspace = TestTemplates.workspace(PREFIX)) {
			String template = workspace.template(new FlywayMigrationSet(TestTemplates.counted(runId)));
			markRetiring(template);
			ReservedSchema reserved = workspace.reserve("");
			workspace.complete(reserved, new FlywayMigrationSet(TestTemplates.counted(runId)));
			assertThat(TestTemplates.runs(runId)).isEqualTo(2);
			try (Connection connection = TestServer.server().open()) {
				assertThat(SchemaSnapshot.of(connection, reserved.name()).facts())
					.isEqualTo(SchemaSnapshot.of(connection, template).facts());
			}
		}
	}

	private static void markRetiring(String template) throws Exception {
		try (Connection connection = TestServer.server().open()) {
			assertThat(new SchemaRegistry(PREFIX).changeState(connection, template, SchemaRegistry.READY,
					SchemaRegistry.RETIRING))
				.isTrue();
		}
	}

}
