package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.time.Duration;
import java.util.Objects;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.testsupport.SchemaSnapshot;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spare clones prepared in the background: the next context gets a complete clone of the
 * right template without copying, every context still its own, and no spare outlives the
 * process.
 */
class PrefetchIT {

	private static final String PREFIX = "it_prefetch";

	@RegisterExtension
	static final SchemaPrefix schemas = new SchemaPrefix(PREFIX);

	@Test
	void nextContextGetsAPrefetchedCompleteClone() throws Exception {
		try (SchemaWorkspace workspace = prefetchingWorkspace()) {
			String template = workspace
				.template(new FlywayMigrationSet(Flyway.configure().locations(TestTemplates.fidelity())));
			ReservedSchema first = workspace.reserve("");
			assertThat(first.filledFrom()).isNull();
			workspace.completeFrom(first, template);
			ReservedSchema second = awaitPrefetched(workspace);
			assertThat(second.filledFrom()).isEqualTo(template);
			assertThat(second.name()).isNotEqualTo(first.name());
			workspace.completeFrom(second, template);
			try (Connection connection = TestServer.server().open()) {
				assertThat(SchemaSnapshot.of(connection, second.name()).facts())
					.isEqualTo(SchemaSnapshot.of(connection, template).facts());
			}
			workspace.endClones();
			assertThat(TestServer.schemasLike(PREFIX + "\\_c\\_%")).isEmpty();
		}
	}

	@Test
	void prefetchedCloneOfAnotherTemplateIsRefilled() throws Exception {
		try (SchemaWorkspace workspace = prefetchingWorkspace()) {
			String fidelity = workspace
				.template(new FlywayMigrationSet(Flyway.configure().locations(TestTemplates.fidelity())));
			String other = workspace
				.template(new FlywayMigrationSet(Flyway.configure().locations("classpath:broken").target("1")));
			workspace.completeFrom(workspace.reserve(""), fidelity);
			ReservedSchema spare = awaitPrefetched(workspace);
			workspace.completeFrom(spare, other);
			assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
					+ spare.name() + "' AND TABLE_NAME IN ('fine', 'author')"))
				.isEqualTo(1);
			assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + spare.name() + "`.fine")).isZero();
			workspace.endClones();
		}
	}

	private static SchemaWorkspace prefetchingWorkspace() {
		return SchemaWorkspace.open(TestServer.server(), new WorkspaceSettings(PREFIX, Duration.ofSeconds(60),
				Duration.ofSeconds(60), 1, WorkspaceSettings.DEFAULT_CLONE_CONNECTIONS, 0, 0));
	}

	private static ReservedSchema awaitPrefetched(SchemaWorkspace workspace) {
		return await("a prefetched clone").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				if (TestServer.schemasLike(PREFIX + "\\_c\\_%").size() < 2) {
					return null;
				}
				// The spare exists; reserve() returns it once its copy is complete.
				ReservedSchema reserved = workspace.reserve("");
				if (reserved.filledFrom() == null) {
					workspace.drop(reserved.name());
					return null;
				}
				return reserved;
			}, Objects::nonNull);
	}

}
