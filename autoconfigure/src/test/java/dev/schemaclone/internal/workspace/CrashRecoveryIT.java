package dev.schemaclone.internal.workspace;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.schemaclone.internal.coordination.OwnerLease;
import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.testsupport.ChildJvm;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * JVMs killed with SIGKILL: one in the middle of a template build, holding the lock; one
 * after it made clones. The next process recovers without waiting out any timeout, and
 * drops exactly the dead process's schemas once its lease grace has passed, not before.
 */
class CrashRecoveryIT {

	private static final String PREFIX = "it_crash";

	@RegisterExtension
	static final SchemaPrefix schemas = new SchemaPrefix(PREFIX);

	@Test
	void processKilledMidBuildIsRecoveredFromWithoutWaitingForTheDeadStatement() throws Exception {
		String runId = TestTemplates.newRunId();
		TestServer.execute("DELETE FROM " + TestTemplates.COUNTER_SCHEMA + ".slow_down",
				"INSERT INTO " + TestTemplates.COUNTER_SCHEMA + ".slow_down VALUES (300)");
		String template;
		try (ChildJvm child = ChildJvm.start(TemplateClient.class, PREFIX, runId, "hold", "classpath:slow")) {
			template = awaitSleepingMigration();
			child.kill();
		}
		TestServer.execute("UPDATE " + TestTemplates.COUNTER_SCHEMA + ".slow_down SET seconds = 0");
		long start = System.nanoTime();
		try (SchemaWorkspace workspace = SchemaWorkspace.open(TestServer.server(),
				new WorkspaceSettings(PREFIX, Duration.ofSeconds(200), Duration.ofSeconds(200)))) {
			String rebuilt = workspace.template(new FlywayMigrationSet(TestTemplates.counted(runId, "classpath:slow")));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(rebuilt).isEqualTo(template);
			// The dead build's SLEEP(300) would hold the schema for 5 minutes; it is
			// ended.
			assertThat(took).isLessThan(Duration.ofSeconds(60));
			assertThat(TestTemplates
				.queryInt("SELECT COUNT(*) FROM `" + rebuilt + "`.flyway_schema_history WHERE success = 1"))
				.isEqualTo(2);
			workspace.createClone(rebuilt);
		}
		// The killed build had committed its count (it was sleeping in the migration
		// after it);
		// the rebuild counts once more, and only once.
		assertThat(TestTemplates.runs(runId)).isEqualTo(2);
	}

	/**
	 * The bound: a killed process's last heartbeat is at most one period before its
	 * death, and it counts as dead once that heartbeat is older than its grace. Its
	 * clones are swept by the first process that opens a grace after the kill, and by
	 * none that opens before the grace less one heartbeat period has passed.
	 */
	@Test
	void clonesOfAKilledProcessAreDroppedByTheNextAfterItsGraceAndNothingElse() throws Exception {
		String runId = TestTemplates.newRunId();
		String orphan;
		long killed;
		try (ChildJvm child = ChildJvm.start(TemplateClient.class, PREFIX, runId, "hold")) {
			orphan = child.awaitLine("CLONE ", 120);
			child.kill();
			killed = System.nanoTime();
		}
		try (SchemaWorkspace early = TestTemplates.workspace(PREFIX)) {
			assertThat(Duration.ofNanos(System.nanoTime() - killed))
				.isLessThan(TestTemplates.CHILD_LEASE_GRACE.minus(OwnerLease.HEARTBEAT));
			assertThat(TestServer.schemasLike(orphan)).as("swept before the grace passed").containsExactly(orphan);
		}
		String decoyClone = PREFIX + "_c_deadbeef_1";
		String decoyOther = PREFIX + "_c_other";
		TestServer.execute("CREATE DATABASE `" + decoyClone + "`", "CREATE DATABASE `" + decoyOther + "`");
		Thread.sleep(Math.max(0, TestTemplates.CHILD_LEASE_GRACE.toNanos() - (System.nanoTime() - killed)) / 1_000_000
				+ 500);
		try (SchemaWorkspace live = TestTemplates.workspace(PREFIX)) {
			String liveClone = live.createClone(live.template(new FlywayMigrationSet(TestTemplates.counted(runId))));
			assertThat(TestServer.schemasLike(orphan)).isEmpty();
			try (SchemaWorkspace another = TestTemplates.workspace(PREFIX)) {
				// The sweep of another process keeps a live owner's clone.
				assertThat(TestServer.schemasLike(liveClone)).containsExactly(liveClone);
			}
		}
		assertThat(TestServer.schemasLike(decoyClone)).containsExactly(decoyClone);
		assertThat(TestServer.schemasLike(decoyOther)).containsExactly(decoyOther);
	}

	private static String awaitSleepingMigration() {
		await("the child reaching its slow migration").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> TestTemplates.queryInt("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB LIKE '"
					+ PREFIX + "\\_tpl\\_%' AND INFO LIKE '%SLEEP(%'") > 0);
		return TestServer.schemasLike(PREFIX + "\\_tpl\\_%").get(0);
	}

}
