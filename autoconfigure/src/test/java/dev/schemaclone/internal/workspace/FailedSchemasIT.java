package dev.schemaclone.internal.workspace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.testsupport.ChildJvm;
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
			String clone = workspace.createClone(
					workspace.template(new FlywayMigrationSet(Flyway.configure().locations("classpath:appdb"))));
			TestServer.execute("INSERT INTO `" + clone + "`.person (name) VALUES ('left by the failed test')");
			copy = workspace.keepFailed(clone);
			assertThat(copy).matches(PREFIX + "_f_[0-9a-f]{8}_1");
			TestServer.execute("DELETE FROM `" + clone + "`.person");
			workspace.endClones();
		}
		try (SchemaWorkspace nextRun = workspace(2)) {
			assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM `" + copy + "`.person")).isEqualTo(2);
			assertThat(TestTemplates
				.queryInt("SELECT COUNT(*) FROM `" + copy + "`.person WHERE name = 'left by the failed test'")).isOne();
			assertThat(TestServer.schemasLike(PREFIX + "\\_c\\_%")).isEmpty();
		}
	}

	@Test
	void aProcessKeepsAtMostTheBoundAndLaterRunsDropTheOldestBeyondIt() {
		List<String> firstRun;
		try (SchemaWorkspace workspace = workspace(2)) {
			String clone = workspace.createClone(
					workspace.template(new FlywayMigrationSet(Flyway.configure().locations("classpath:appdb"))));
			firstRun = List.of(workspace.keepFailed(clone), workspace.keepFailed(clone));
			assertThat(workspace.keepFailed(clone)).as("a third copy in the same process").isNull();
			assertThat(workspace.summary().failedKept()).isEqualTo(2);
			workspace.endClones();
		}
		assertThat(kept()).containsExactlyInAnyOrderElementsOf(firstRun);
		try (SchemaWorkspace laterRun = workspace(2)) {
			String clone = laterRun.createClone(
					laterRun.template(new FlywayMigrationSet(Flyway.configure().locations("classpath:appdb"))));
			String newest = laterRun.keepFailed(clone);
			laterRun.endClones();
			assertThat(kept()).containsExactlyInAnyOrder(firstRun.get(1), newest);
		}
	}

	/**
	 * Each trim drops the copies beyond the bound that it wins in the registry: of
	 * several processes trimming the same oldest copy at once, one issues the
	 * {@code DROP}.
	 */
	@Test
	void severalProcessesKeepingCopiesAtOnceDropEachCopyBeyondTheBoundExactlyOnce() throws Exception {
		int jvms = 4;
		int limit = 2;
		List<ChildJvm> children = new ArrayList<>();
		try {
			long start = System.currentTimeMillis() + 15_000;
			for (int i = 0; i < jvms; i++) {
				children
					.add(ChildJvm.start(FailedCopyClient.class, PREFIX, String.valueOf(limit), String.valueOf(start)));
			}
			List<String> keptCopies = new ArrayList<>();
			List<String> dropped = new ArrayList<>();
			for (ChildJvm child : children) {
				child.awaitLine("ENDED", 180);
				for (String line : child.lines()) {
					if (line.startsWith("KEPT ")) {
						keptCopies.add(line.substring("KEPT ".length()));
					}
					Matcher drop = DROPPED.matcher(line);
					if (drop.find()) {
						dropped.add(drop.group(1));
					}
				}
				assertThat(child.output()).doesNotContain("Could not");
			}
			assertThat(keptCopies).hasSize(jvms * limit).doesNotContainNull();
			assertThat(kept()).hasSize(limit);
			assertThat(dropped).doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(
						keptCopies.stream().filter((copy) -> !kept().contains(copy)).toList());
		}
		finally {
			for (ChildJvm child : children) {
				child.close();
			}
		}
	}

	@Test
	void noCopyWhenTurnedOff() {
		try (SchemaWorkspace workspace = workspace(0)) {
			String clone = workspace.createClone(
					workspace.template(new FlywayMigrationSet(Flyway.configure().locations("classpath:appdb"))));
			assertThat(workspace.keepFailed(clone)).isNull();
			workspace.endClones();
		}
		assertThat(kept()).isEmpty();
	}

	private static final Pattern DROPPED = Pattern.compile("Dropped '([a-z0-9_]+)', a failed test's schema");

	private static List<String> kept() {
		return TestServer.schemasLike(PREFIX + "\\_f\\_%");
	}

	private static SchemaWorkspace workspace(int keepFailed) {
		return SchemaWorkspace.open(TestServer.server(),
				new WorkspaceSettings(PREFIX, Duration.ofSeconds(60), Duration.ofSeconds(60), 0, 1, 0, keepFailed));
	}

}
