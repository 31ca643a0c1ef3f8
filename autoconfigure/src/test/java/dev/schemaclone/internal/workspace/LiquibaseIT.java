package dev.schemaclone.internal.workspace;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.schemaclone.internal.migration.LiquibaseMigrationSet;
import dev.schemaclone.internal.server.SchemaCloneException;
import dev.schemaclone.testsupport.ChildJvm;
import dev.schemaclone.testsupport.SchemaSnapshot;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Templates built by Liquibase: cloned with the same fidelity as Flyway's, built once
 * however many processes ask, a failing change set named, a changed change log a new
 * template.
 */
class LiquibaseIT {

	private static final String PREFIX = "it_liquibase";

	@RegisterExtension
	static final SchemaPrefix schemas = new SchemaPrefix(PREFIX);

	@Test
	void cloneMatchesTemplateObjectByObjectAndLiquibaseFindsNothingToRun(@TempDir Path folder) throws Exception {
		// The history of the Flyway fidelity test, as Liquibase change sets.
		String changeLog = LiquibaseChangeLogs.fromFlyway(folder, TestTemplates.fidelity());
		try (SchemaWorkspace workspace = TestTemplates.workspace(PREFIX)) {
			String template = workspace
				.template(new LiquibaseMigrationSet(TestTemplates.liquibase(changeLog, Map.of())));
			String clone = workspace.createClone(template);
			try (Connection connection = TestServer.server().open()) {
				SchemaSnapshot expected = SchemaSnapshot.of(connection, template);
				assertThat(SchemaSnapshot.of(connection, clone).facts()).isEqualTo(expected.facts());
				assertThat(expected.count("referential_constraints")).isEqualTo(5);
				assertThat(expected.count("views")).isEqualTo(3);
				assertThat(expected.count("routines")).isEqualTo(4);
				assertThat(expected.count("triggers")).isEqualTo(4);
				assertThat(expected.count("events")).isEqualTo(TestTemplates.serverHasEvents() ? 2 : 0);
			}
			int changeSets = TestTemplates.queryInt("SELECT COUNT(*) FROM `" + clone + "`.DATABASECHANGELOG");
			assertThat(changeSets).isGreaterThanOrEqualTo(9);
			assertThat(
					TestTemplates.queryInt("SELECT COUNT(*) FROM `" + clone + "`.DATABASECHANGELOGLOCK WHERE LOCKED"))
				.isZero();
			SpringLiquibase update = TestTemplates.liquibase(changeLog, Map.of());
			try (Connection connection = TestServer.server().open(clone)) {
				update.setDataSource(new SingleConnectionDataSource(connection, true));
				update.afterPropertiesSet();
			}
			assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + clone + "`.DATABASECHANGELOG"))
				.isEqualTo(changeSets);
		}
	}

	@Test
	void changeLogRunsOnceAcrossFourProcesses() throws Exception {
		String runId = TestTemplates.newRunId();
		List<ChildJvm> children = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				children.add(ChildJvm.start(TemplateClient.class, PREFIX, runId, "exit", TemplateClient.LIQUIBASE));
			}
			List<String> clones = new ArrayList<>();
			for (ChildJvm child : children) {
				clones.add(child.awaitLine("CLONE ", 120));
				assertThat(child.waitFor(60)).isZero();
			}
			assertThat(TestTemplates.runs(runId)).isEqualTo(1);
			assertThat(new HashSet<>(clones)).hasSize(4);
		}
		finally {
			for (ChildJvm child : children) {
				child.close();
			}
		}
	}

	@Test
	void failingChangeSetIsNamedWithTheServersMessage() {
		try (SchemaWorkspace workspace = TestTemplates.workspace(PREFIX)) {
			LiquibaseMigrationSet broken = new LiquibaseMigrationSet(
					TestTemplates.liquibase("classpath:liquibase/broken/changelog.sql", Map.of()));
			assertThatExceptionOfType(SchemaCloneException.class).isThrownBy(() -> workspace.template(broken))
				.withMessageContaining("failed at change set liquibase/broken/changelog.sql::broken::bob")
				.withMessageContaining("no_such_table");
		}
	}

	@Test
	void changedParameterBuildsANewTemplateOnce() {
		try (SchemaWorkspace workspace = TestTemplates.workspace(PREFIX)) {
			String first = TestTemplates.newRunId();
			String second = TestTemplates.newRunId();
			String one = workspace.template(TestTemplates.countedLiquibase(first));
			String other = workspace.template(TestTemplates.countedLiquibase(second));
			assertThat(workspace.template(TestTemplates.countedLiquibase(second))).isEqualTo(other);
			assertThat(other).isNotEqualTo(one);
			assertThat(TestTemplates.runs(first)).isEqualTo(1);
			assertThat(TestTemplates.runs(second)).isEqualTo(1);
		}
	}

	@Test
	void schemasOfItsOwnAreRejected() {
		SpringLiquibase liquibase = TestTemplates.liquibase("classpath:liquibase/counted/changelog.sql", Map.of());
		liquibase.setDefaultSchema("other");
		assertThatExceptionOfType(SchemaCloneException.class).isThrownBy(() -> new LiquibaseMigrationSet(liquibase))
			.withMessageContaining("remove 'spring.liquibase.default-schema'");
	}

}
