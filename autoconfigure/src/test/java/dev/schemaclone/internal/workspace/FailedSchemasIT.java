package dev.schemaclone.internal.workspace;

import java.time.Duration;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies of the clones failed tests left: they hold what the test left, outlive their
 * process, and stay bounded across runs, the newest kept.
 */
class FailedSchemasIT {

	private static final String PREFIX = "it_failed";

	@RegisterExtension
	static final SchemaPrefix schemas = new SchemaPrefix(PREFIX);

	@BeforeEach
	void dropWhatEarlierTestsKept() {
		TestServer.dropAll(PREFIX);
	}

	@Test
	void copyHoldsWhatTheTestLeftAndOutlivesItsProcess() {
		String copy;
		try (SchemaWorkspace workspace = workspace(2)) {
			String clone = workspace.createClone(workspace.template(Flyway.configure().locations("classpath:appdb")));
			TestServer.execute("INSERT INTO `" + clone + "`.person (name) VALUES ('left by the failed test')");
			copy = workspace.keepFailed(clone);
			assertThat(copy).matches(PREFIX + "_f_[0-9a-f]{8}_1");
			TestServer.execute("DELETE FROM `" + clone + "`.person");
			workspace.endClones();
		}
		try (SchemaWorkspace nextRun = workspace(2)) {
			assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + copy + "`.person")).isEqualTo(2);
			assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + copy
					+ "`.person WHERE name = 'left by the failed test'")).isOne();
			assertThat(TestServer.schemasLike(PREFIX + "\\_c\\_%")).isEmpty();
		}
	}

	@Test
	void aProcessKeepsAtMostTheBoundAndLaterRunsDropTheOldestBeyondIt() {
		List<String> firstRun;
		try (SchemaWorkspace workspace = workspace(2)) {
			String clone = workspace.createClone(workspace.template(Flyway.configure().locations("classpath:appdb")));
			firstRun = List.of(workspace.keepFailed(clone), workspace.keepFailed(clone));
			assertThat(workspace.keepFailed(clone)).as("a third copy in the same process").isNull();
			assertThat(workspace.summary().failedKept()).isEqualTo(2);
			workspace.endClones();
		}
		assertThat(kept()).containsExactlyInAnyOrderElementsOf(firstRun);
		try (SchemaWorkspace laterRun = workspace(2)) {
			String clone = laterRun.createClone(laterRun.template(Flyway.configure().locations("classpath:appdb")));
			String newest = laterRun.keepFailed(clone);
			laterRun.endClones();
			assertThat(kept()).containsExactlyInAnyOrder(firstRun.get(1), newest);
		}
	}

	@Test
	void noCopyWhenTurnedOff() {
		try (SchemaWorkspace workspace = workspace(0)) {
			String clone = workspace.createClone(workspace.template(Flyway.configure().locations("classpath:appdb")));
			assertThat(workspace.keepFailed(clone)).isNull();
			workspace.endClones();
		}
		assertThat(kept()).isEmpty();
	}

	private static List<String> kept() {
		return TestServer.schemasLike(PREFIX + "\\_f\\_%");
	}

	private static SchemaWorkspace workspace(int keepFailed) {
		return SchemaWorkspace.open(TestServer.server(), new WorkspaceSettings(PREFIX, Duration.ofSeconds(60),
				Duration.ofSeconds(60), 0, 1, 0, keepFailed));
	}

}
