package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.testsupport.ChildJvm;
import dev.schemaclone.testsupport.SchemaSnapshot;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Clones kept warm at the end of a process serve the first contexts of the next: claimed
 * atomically, checked before use, never handed out dirty, never left behind by a process
 * killed while keeping them, gone with their template.
 */
class WarmClonesIT {

	static final String APPLICATION = "";

	private static final String PREFIX = "it_warm";

	private static final String PERSON = "classpath:appdb";

	@RegisterExtension
	static final SchemaPrefix schemas = new SchemaPrefix(PREFIX);

	@AfterEach
	void dropEverything() {
		TestServer.dropAll(PREFIX);
	}

	@Test
	void nextProcessGetsAWarmCloneOfTheFirstsBuildPristine() throws Exception {
		String runId = TestTemplates.newRunId();
		String kept = park(runId, 1).get(0);
		try (SchemaWorkspace next = workspace(0)) {
			ReservedSchema reserved = next.reserve(APPLICATION);
			assertThat(reserved.name()).isEqualTo(kept);
			String template = next.template(new FlywayMigrationSet(TestTemplates.counted(runId, PERSON)));
			assertThat(reserved.filledFrom()).isEqualTo(template);
			next.completeFrom(reserved, template);
			try (Connection connection = TestServer.server().open()) {
				assertThat(SchemaSnapshot.of(connection, kept).facts())
					.isEqualTo(SchemaSnapshot.of(connection, template).facts());
			}
			assertThat(TestTemplates.runs(runId)).isEqualTo(1);
		}
	}

	@Test
	void warmCloneOfATemplateBuiltByAnOlderVersionIsCheckedByReadingTheTemplateOnce() throws Exception {
		List<String> kept = park(TestTemplates.newRunId(), 2);
		// An older schemaclone kept no check with its templates.
		TestServer.execute("UPDATE " + PREFIX + "_registry.owned_schema SET clone_check = NULL");
		String claimed;
		try (SchemaWorkspace next = workspace(0)) {
			claimed = next.reserve(APPLICATION).name();
			assertThat(kept).contains(claimed);
		}
		assertThat(TestTemplates.queryInt("SELECT COUNT(*) FROM " + PREFIX
				+ "_registry.owned_schema WHERE state = 'READY' AND clone_check IS NOT NULL"))
			.as("templates whose check the claim kept for later processes")
			.isEqualTo(1);
		String other = kept.get(kept.get(0).equals(claimed) ? 1 : 0);
		TestServer
			.execute("INSERT INTO `" + other + "`.person (name) VALUES ('written by a person with a SQL client')");
		try (SchemaWorkspace later = workspace(0)) {
			assertThat(later.reserve(APPLICATION).filledFrom()).isNull();
			assertThat(TestServer.schemasLike(other)).isEmpty();
		}
	}

	@Test
	void warmCloneWrittenToAfterItWasKeptIsNotHandedOut() throws Exception {
		String kept = park(TestTemplates.newRunId(), 1).get(0);
		TestServer.execute("INSERT INTO `" + kept + "`.person (name) VALUES ('written by a person with a SQL client')");
		try (SchemaWorkspace next = workspace(0)) {
			ReservedSchema reserved = next.reserve(APPLICATION);
			assertThat(reserved.name()).isNotEqualTo(kept);
			assertThat(reserved.filledFrom()).isNull();
			assertThat(TestServer.schemasLike(kept)).isEmpty();
		}
	}

	@Test
	void warmCloneWhoseSequenceMovedIsNotHandedOut() throws Exception {
		assumeTrue(TestTemplates.serverIsMariaDb(), "MySQL has no sequences");
		String kept = park(TestTemplates.newRunId(), 1, PERSON, "classpath:sequence").get(0);
		TestServer.execute("DO NEXTVAL(`" + kept + "`.person_seq)");
		try (SchemaWorkspace next = workspace(0)) {
			ReservedSchema reserved = next.reserve(APPLICATION);
			assertThat(reserved.name()).isNotEqualTo(kept);
			assertThat(TestServer.schemasLike(kept)).isEmpty();
		}
	}

	@Test
	void fourProcessesClaimingAtOnceNeverShareAClone() throws Exception {
		List<String> kept = park(TestTemplates.newRunId(), 4);
		List<ChildJvm> claimers = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				claimers.add(ChildJvm.start(WarmClient.class, PREFIX, "-", "claim"));
			}
			List<String> claimed = new ArrayList<>();
			for (ChildJvm claimer : claimers) {
				claimed.add(claimer.awaitLine("RESERVED ", 120).split(" ")[0]);
				claimer.awaitLine("ENDED", 60);
			}
			assertThat(new HashSet<>(claimed)).containsExactlyInAnyOrderElementsOf(kept);
		}
		finally {
			for (ChildJvm claimer : claimers) {
				claimer.close();
			}
		}
	}

	@Test
	void everyCloneABuildOfThreeJvmsEndsWithIsFoundWarmByTheNext() throws Exception {
		String runId = TestTemplates.newRunId();
		Path go = Files.createTempDirectory("schemaclone-go").resolve("go");
		// One fork ends while the two others still start contexts, which claim its
		// clones.
		List<ChildJvm> first = List.of(fork(runId, -1, go), fork(runId, 2, go), fork(runId, 2, go));
		try {
			first.get(0).awaitLine("ENDED", 240);
			first.get(1).awaitLine("PAUSED", 240);
			first.get(2).awaitLine("PAUSED", 240);
			Files.createFile(go);
			first.get(1).awaitLine("ENDED", 240);
			first.get(2).awaitLine("ENDED", 240);
		}
		finally {
			for (ChildJvm child : first) {
				child.close();
			}
		}
		List<String> warm = warmClones();
		assertThat(warm).as("warm clones after three forks ended with four contexts each").hasSize(12);
		List<ChildJvm> next = List.of(fork(runId, -1, go), fork(runId, -1, go), fork(runId, -1, go));
		List<String> contexts = new ArrayList<>();
		try {
			for (ChildJvm child : next) {
				for (int i = 0; i < 4; i++) {
					contexts.add(child.awaitLine("CONTEXT " + i + " ", 240));
				}
				child.awaitLine("ENDED", 240);
			}
		}
		finally {
			for (ChildJvm child : next) {
				child.close();
			}
		}
		assertThat(new HashSet<>(contexts)).as("the next build's contexts").hasSize(12);
		assertThat(warm).as("warm clones the first build left").containsAll(contexts);
	}

	/**
	 * Start a fork of four contexts, which waits before one of them until a file exists.
	 */
	private static ChildJvm fork(String runId, int pauseBefore, Path go) throws Exception {
		return ChildJvm.start(ForkClient.class, PREFIX, runId, "4", String.valueOf(pauseBefore), go.toString(), PERSON);
	}

	@Test
	void processKilledWhileKeepingClonesWarmLeavesNothingDirtyForTheNext() throws Exception {
		String runId = TestTemplates.newRunId();
		try (ChildJvm child = ChildJvm.start(WarmClient.class, PREFIX, runId, "park", "1", PERSON);
				Connection blocker = TestServer.server().open();
				Statement statement = blocker.createStatement()) {
			String clone = child.awaitLine("CLONE 0 ", 120);
			// Holds the rows the child's reset must delete, from a session of no schema
			// of its own.
			blocker.setAutoCommit(false);
			statement.executeQuery("SELECT * FROM `" + clone + "`.person FOR UPDATE").close();
			child.awaitLine("PARKING", 30);
			await("the child's reset waiting on the blocker's locks").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> TestTemplates
					.queryInt("SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'") > 0);
			child.kill();
			blocker.rollback();
			// A killed process counts as alive until its grace has passed.
			Thread.sleep(TestTemplates.CHILD_LEASE_GRACE.plusSeconds(1).toMillis());
			try (SchemaWorkspace next = workspace(0)) {
				assertThat(TestServer.schemasLike(clone)).isEmpty();
				assertThat(warmClones()).isEmpty();
				assertThat(next.reserve(APPLICATION).filledFrom()).isNull();
			}
		}
	}

	@Test
	void templateRetentionDropsWarmClonesWithTheirTemplate() throws Exception {
		String runId = TestTemplates.newRunId();
		List<String> kept = park(runId, 2);
		TestServer.execute(
				"UPDATE " + PREFIX + "_registry.owned_schema SET last_used_at = CURRENT_TIMESTAMP(6) - INTERVAL 8 DAY"
						+ " WHERE state = 'READY'");
		try (SchemaWorkspace builder = workspace(0)) {
			builder.template(
					new FlywayMigrationSet(TestTemplates.counted(TestTemplates.newRunId(), "classpath:fidelity")));
		}
		for (String clone : kept) {
			assertThat(TestServer.schemasLike(clone)).isEmpty();
		}
		assertThat(warmClones()).isEmpty();
	}

	@Test
	void warmClonesPerTemplateStayWithinTheBoundAndNoneWithKeepWarmZero() {
		try (SchemaWorkspace bounded = workspace(2); SchemaWorkspace none = workspace(0)) {
			String template = bounded
				.template(new FlywayMigrationSet(TestTemplates.counted(TestTemplates.newRunId(), PERSON)));
			for (int i = 0; i < 4; i++) {
				bounded.createClone(template);
				none.createClone(template);
			}
			bounded.endClones();
			none.endClones();
			assertThat(warmClones()).hasSize(2);
			assertThat(TestServer.schemasLike(PREFIX + "\\_c\\_" + none.lease().token() + "\\_%")).isEmpty();
			assertThat(TestServer.schemasLike(PREFIX + "\\_c\\_%")).hasSize(2);
		}
	}

	/**
	 * A template retention looking at a template's warm clones marks them retiring, and
	 * puts them back when the template is in use: a process keeping clones warm meanwhile
	 * counts them, and the template ends within the bound.
	 */
	@Test
	void warmClonesARetentionLooksAtCountTowardsTheBound() {
		try (SchemaWorkspace first = workspace(2)) {
			String template = first
				.template(new FlywayMigrationSet(TestTemplates.counted(TestTemplates.newRunId(), PERSON)));
			first.createClone(template);
			first.createClone(template);
			first.endClones();
			String registry = PREFIX + "_registry.owned_schema";
			TestServer.execute("UPDATE " + registry + " SET state = 'WARM_RETIRING' WHERE state = 'WARM'");
			try (SchemaWorkspace second = workspace(2)) {
				second.createClone(template);
				second.createClone(template);
				second.endClones();
			}
			TestServer.execute("UPDATE " + registry + " SET state = 'WARM' WHERE state = 'WARM_RETIRING'");
			assertThat(warmClones()).hasSize(2);
			assertThat(TestServer.schemasLike(PREFIX + "\\_c\\_%")).hasSize(2);
		}
	}

	/**
	 * A process ends its clones several at once; a user the server allows few connections
	 * (a lease, and as many more as a template's build takes) still leaves every clone
	 * warm and reset, none of them for the next run's sweep.
	 */
	@Test
	void clonesEndedByAUserOfFewConnectionsAreAllKeptWarm() throws Exception {
		TestServer.execute("CREATE USER 'it_warm_few'@'%' IDENTIFIED BY 'few' WITH MAX_USER_CONNECTIONS 4",
				"GRANT ALL PRIVILEGES ON *.* TO 'it_warm_few'@'%'");
		try {
			DatabaseServer few = new DatabaseServer(TestServer.server().url(), "it_warm_few", "few");
			List<String> clones = new ArrayList<>();
			String template;
			try (SchemaWorkspace workspace = SchemaWorkspace.open(few,
					new WorkspaceSettings(PREFIX, Duration.ofSeconds(60), Duration.ofSeconds(60), 0, 1, 16, 0))) {
				template = workspace
					.template(new FlywayMigrationSet(TestTemplates.counted(TestTemplates.newRunId(), PERSON)));
				for (int i = 0; i < 4; i++) {
					String clone = workspace.createClone(template);
					TestServer.execute("INSERT INTO `" + clone + "`.person (name) VALUES ('written " + i + "')");
					clones.add(clone);
				}
				workspace.endClones();
			}
			assertThat(warmClones()).containsExactlyInAnyOrderElementsOf(clones);
			try (Connection connection = TestServer.server().open()) {
				SchemaSnapshot expected = SchemaSnapshot.exact(connection, template);
				for (String clone : clones) {
					assertThat(SchemaSnapshot.exact(connection, clone).firstDifference(expected)).as(clone).isNull();
				}
			}
		}
		finally {
			TestServer.execute("DROP USER 'it_warm_few'@'%'");
		}
	}

	/**
	 * Let a separate JVM make clones, write into them and end: they are kept warm, reset.
	 */
	private static List<String> park(String runId, int clones) throws Exception {
		return park(runId, clones, PERSON);
	}

	private static List<String> park(String runId, int clones, String... locations) throws Exception {
		List<String> kept = new ArrayList<>();
		List<String> arguments = new ArrayList<>(List.of(PREFIX, runId, "park", String.valueOf(clones)));
		arguments.addAll(List.of(locations));
		try (ChildJvm child = ChildJvm.start(WarmClient.class, arguments.toArray(String[]::new))) {
			for (int i = 0; i < clones; i++) {
				kept.add(child.awaitLine("CLONE " + i + " ", 120));
			}
			child.awaitLine("ENDED", 60);
		}
		assertThat(warmClones()).containsAll(kept);
		return kept;
	}

	private static SchemaWorkspace workspace(int keepWarm) {
		return TestTemplates.workspace(PREFIX, keepWarm);
	}

	private static List<String> warmClones() {
		List<String> warm = new ArrayList<>();
		try (Connection connection = TestServer.server().open();
				Statement statement = connection.createStatement();
				var result = statement.executeQuery(
						"SELECT schema_name FROM " + PREFIX + "_registry.owned_schema WHERE state = 'WARM'")) {
			while (result.next()) {
				warm.add(result.getString(1));
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return warm;
	}

}
