package dev.schemaclone.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.schemaclone.testsupport.ChildJvm;
import dev.schemaclone.testsupport.SchemaSnapshot;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clones a test JVM ends with stay warm for the next build, each only once its
 * context has closed, as Spring Boot's shutdown hook closes them at the same moment:
 * never one that its context wrote into after the reset, and all of them up to
 * {@code keep-warm}. The contexts of the next JVM claim them, passing over one that is
 * gone.
 */
class WarmContextsIT {

	private static final String PREFIX = "it_warmctx";

	@BeforeEach
	@AfterEach
	void dropEverythingUnderThePrefix() {
		TestServer.dropAll(PREFIX);
	}

	@Test
	void cloneOfAContextWritingWhileItClosesIsKeptWarmOnlyAfterItsClose() throws Exception {
		List<String> ending = run(3, "writing");
		assertThat(warmClones()).containsExactlyInAnyOrderElementsOf(ending);
		assertAllPristine(ending);
	}

	@Test
	void cloneOfAContextThatNeverClosesIsDroppedAndTheOthersKeptWarm() throws Exception {
		List<String> ending = run(3, "unclosed");
		List<String> written = TestServer.schemasLike(ending.get(0));
		assertThat(written).as("the unclosed context's clone").isEmpty();
		assertThat(warmClones()).containsExactlyInAnyOrderElementsOf(ending.subList(1, ending.size()));
		assertAllPristine(warmClones());
	}

	@Test
	void threeJvmsOfAFirstBuildLeaveEveryCloneTheyEndWithWarm() throws Exception {
		List<ChildJvm> children = new ArrayList<>();
		Set<String> ending = new HashSet<>();
		try {
			for (int i = 0; i < 3; i++) {
				children.add(ChildJvm.start(ExitingContexts.class, PREFIX, "4", "plain"));
			}
			for (ChildJvm child : children) {
				ending.addAll(Arrays.asList(child.awaitLine("ENDING ", 180).split(" ")));
				assertThat(child.waitFor(60)).isZero();
			}
		}
		finally {
			for (ChildJvm child : children) {
				child.close();
			}
		}
		assertThat(ending).hasSizeGreaterThanOrEqualTo(4);
		// A spare still in the making when a JVM listed its clones is kept warm too.
		assertThat(warmClones()).containsAll(ending);
		assertAllPristine(warmClones());
	}

	@Test
	void warmCloneWhoseSchemaWasDroppedByHandIsPassedOverAndTheContextStarts() throws Exception {
		run(2, "plain");
		String gone = warmClones().get(0);
		TestServer.execute("DROP DATABASE `" + gone + "`");
		String other = warmClones().get(1);
		assertThat(run(1, "plain").get(0)).as("the next JVM's context").isEqualTo(other);
		assertThat(warmClones()).contains(other).doesNotContain(gone);
		assertThat(registered(gone)).isZero();
	}

	/**
	 * Run one JVM with contexts; return the clones it ended with, the first context's
	 * first.
	 */
	private static List<String> run(int contexts, String firstEnds) throws Exception {
		try (ChildJvm child = ChildJvm.start(ExitingContexts.class, PREFIX, String.valueOf(contexts), firstEnds)) {
			String first = child.awaitLine("CLONE 0 ", 180);
			List<String> ending = new ArrayList<>(Arrays.asList(child.awaitLine("ENDING ", 180).split(" ")));
			assertThat(child.waitFor(90)).as(child::output).isZero();
			ending.remove(first);
			ending.add(0, first);
			return ending;
		}
	}

	private static void assertAllPristine(List<String> clones) throws SQLException {
		try (Connection connection = TestServer.server().open()) {
			for (String clone : clones) {
				String template = registry(connection).queryForObject(
						"SELECT template FROM " + PREFIX + "_registry.owned_schema WHERE schema_name = ?", String.class,
						clone);
				assertThat(SchemaSnapshot.of(connection, clone).facts()).as(clone)
					.isEqualTo(SchemaSnapshot.of(connection, template).facts());
			}
		}
	}

	/**
	 * Return the warm clones, in the order the next claims take them.
	 */
	private static List<String> warmClones() throws SQLException {
		try (Connection connection = TestServer.server().open()) {
			return registry(connection).queryForList("SELECT schema_name FROM " + PREFIX
					+ "_registry.owned_schema WHERE state = 'WARM' ORDER BY updated_at", String.class);
		}
	}

	private static int registered(String schema) throws SQLException {
		try (Connection connection = TestServer.server().open()) {
			return registry(connection).queryForObject(
					"SELECT COUNT(*) FROM " + PREFIX + "_registry.owned_schema WHERE schema_name = ?", Integer.class,
					schema);
		}
	}

	private static JdbcTemplate registry(Connection connection) {
		return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
	}

}
