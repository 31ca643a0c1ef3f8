package dev.schemaclone.internal.workspace;

import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.workspace.RunSummary.Origin;
import dev.schemaclone.internal.workspace.RunSummary.TemplateUse;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary of a run counts what a known sequence of contexts did: one template built,
 * clones copied and recycled, refreshes, a failed test's schema kept, and the time the
 * template's build would have cost each context.
 */
class RunSummaryIT {

	private static final String PREFIX = "it_summary";

	@RegisterExtension
	static final SchemaPrefix schemas = new SchemaPrefix(PREFIX);

	@Test
	void countsAKnownRun() {
		try (SchemaWorkspace workspace = SchemaWorkspace.open(TestServer.server(),
				new WorkspaceSettings(PREFIX, Duration.ofSeconds(60), Duration.ofSeconds(60), 0, 1, 0, 1))) {
			FlywayMigrationSet migrations = new FlywayMigrationSet(
					Flyway.configure().locations(TestTemplates.fidelity()));
			ReservedSchema first = workspace.reserve("");
			String template = workspace.complete(first, migrations);
			ReservedSchema second = workspace.reserve("");
			workspace.complete(second, migrations);
			workspace.recycle(first.name(), template);
			ReservedSchema third = workspace.reserve("");
			assertThat(third.name()).as("the recycled clone").isEqualTo(first.name());
			workspace.complete(third, migrations);
			workspace.refresh(third.name(), template, "a test that wrote nothing");
			TestServer.execute("INSERT INTO `" + third.name() + "`.author (name) VALUES ('written by a test')");
			workspace.refresh(third.name(), template, "a test that wrote a row");
			TestServer.execute("CREATE TABLE `" + third.name() + "`.added (id INT PRIMARY KEY)");
			workspace.refresh(third.name(), template, "a test that added a table");
			assertThat(workspace.keepFailed(second.name())).isNotNull();

			RunSummary summary = workspace.summary();
			assertThat(summary.templates()).singleElement().satisfies((use) -> {
				assertThat(use.name()).isEqualTo(template);
				assertThat(use.origin()).isEqualTo(Origin.BUILT);
				assertThat(use.migrations()).isEqualTo(TestTemplates.fidelityMigrations());
				assertThat(use.buildMillis()).isPositive();
				assertThat(use.contexts()).isEqualTo(3);
			});
			assertThat(summary.contexts()).isEqualTo(3);
			assertThat(summary.clonesMade()).as("copied: the first two contexts'").isEqualTo(2);
			assertThat(summary.recycled()).isOne();
			assertThat(summary.warmClaimed()).isZero();
			assertThat(summary.prefetchHits()).as("the recycled clone").isOne();
			assertThat(summary.prefetchMisses()).as("none counted with prefetch off").isZero();
			assertThat(summary.refreshMillis()).hasSize(3);
			assertThat(summary.refreshesRemade()).as("the refresh after the added table").isOne();
			assertThat(summary.failedKept()).isOne();
			assertThat(summary.criticalMillis()).isPositive();
			assertThat(summary.eachContextMigratingMillis()).isEqualTo(3 * summary.templates().get(0).buildMillis());
			assertThat(summary.toJson("42")).startsWith("{\"jvm\":\"42\",\"contexts\":3,")
				.contains("\"built\":true",
						"\"clonesMade\":2,\"recycled\":1,\"warmClaimed\":0,\"converted\":0,\"prefetchHits\":1",
						"\"refreshes\":3,", "\"refreshesRemade\":1,\"failedKept\":1");
			workspace.endClones();
		}
	}

	@Test
	void aLaterProcessFindsTheTemplateWithWhatItsBuildCost() {
		TemplateUse built;
		try (SchemaWorkspace builder = TestTemplates.workspace(PREFIX)) {
			builder.template(new FlywayMigrationSet(Flyway.configure().locations("classpath:appdb")));
			built = builder.summary().templates().get(0);
		}
		try (SchemaWorkspace later = TestTemplates.workspace(PREFIX)) {
			later.template(new FlywayMigrationSet(Flyway.configure().locations("classpath:appdb")));
			assertThat(later.summary().templates()).singleElement()
				.isEqualTo(new TemplateUse(built.name(), Origin.FOUND, 1, built.buildMillis(), 0));
		}
	}

}
