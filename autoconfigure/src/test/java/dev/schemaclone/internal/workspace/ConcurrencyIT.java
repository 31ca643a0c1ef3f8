package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.testsupport.ChildJvm;
import dev.schemaclone.testsupport.SchemaSnapshot;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads and many JVMs asking at once for the same template: the history runs once,
 * every caller gets its own complete clone.
 */
class ConcurrencyIT {

	private static final String PREFIX = "it_concurrency";

	@RegisterExtension
	static final SchemaPrefix schemas = new SchemaPrefix(PREFIX);

	@Test
	void eightThreadsMigrateOnceAndCloneEach() throws Exception {
		String runId = TestTemplates.newRunId();
		int threads = 8;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		List<SchemaWorkspace> workspaces = new ArrayList<>();
		try {
			List<Future<String[]>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				// A workspace each: as separate as separate processes, with a lease each.
				SchemaWorkspace workspace = TestTemplates.workspace(PREFIX);
				workspaces.add(workspace);
				results.add(executor.submit((Callable<String[]>) () -> {
					start.await();
					String template = workspace
						.template(new FlywayMigrationSet(TestTemplates.counted(runId, "classpath:fidelity")));
					return new String[] { template, workspace.createClone(template) };
				}));
			}
			List<String> templates = new ArrayList<>();
			List<String> clones = new ArrayList<>();
			for (Future<String[]> result : results) {
				String[] names = result.get(120, TimeUnit.SECONDS);
				templates.add(names[0]);
				clones.add(names[1]);
			}
			assertThat(TestTemplates.runs(runId)).isEqualTo(1);
			assertThat(new HashSet<>(templates)).hasSize(1);
			assertThat(new HashSet<>(clones)).hasSize(threads);
			assertCompleteClones(templates.get(0), clones);
		}
		finally {
			executor.shutdownNow();
			workspaces.forEach(SchemaWorkspace::close);
		}
	}

	@Test
	void fourJvmsMigrateOnceAndCloneEach() throws Exception {
		String runId = TestTemplates.newRunId();
		List<ChildJvm> children = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				children.add(ChildJvm.start(TemplateClient.class, PREFIX, runId, "exit", "classpath:fidelity"));
			}
			List<String> templates = new ArrayList<>();
			List<String> clones = new ArrayList<>();
			for (ChildJvm child : children) {
				clones.add(child.awaitLine("CLONE ", 120));
				templates.add(child.awaitLine("TEMPLATE ", 1));
				assertThat(child.waitFor(60)).isZero();
			}
			assertThat(TestTemplates.runs(runId)).isEqualTo(1);
			assertThat(new HashSet<>(templates)).hasSize(1);
			assertThat(new HashSet<>(clones)).hasSize(4);
			assertCompleteClones(templates.get(0), clones);
		}
		finally {
			for (ChildJvm child : children) {
				child.close();
			}
		}
	}

	private static void assertCompleteClones(String template, List<String> clones) throws Exception {
		try (Connection connection = TestServer.server().open()) {
			SchemaSnapshot expected = SchemaSnapshot.of(connection, template);
			for (String clone : clones) {
				assertThat(SchemaSnapshot.of(connection, clone).facts()).as(clone).isEqualTo(expected.facts());
			}
		}
	}

}
