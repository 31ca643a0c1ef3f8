package dev.schemaclone.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * A failed test's schema is kept as the test left it, named in the log with how to open
 * it, at most {@code schemaclone.keep-failed} of them; the context goes on, refreshed, on
 * its own clone. Runs failing tests in a launcher of their own.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailedTestIT {

	private static final String PREFIX = "it_failedtest";

	@BeforeAll
	@AfterAll
	static void dropEverythingUnderThePrefix() {
		TestServer.dropAll(PREFIX);
	}

	@Test
	void failedTestsSchemasAreKeptUpToTheBoundAndNamedInTheLog(CapturedOutput output) {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request().selectors(selectClass(FailingTests.class)).build(), listener);
		assertThat(listener.getSummary().getTestsFailedCount()).isEqualTo(3);

		List<String> kept = TestServer.schemasLike(PREFIX.replace("_", "\\_") + "\\_f\\_%");
		assertThat(kept).hasSize(2);
		assertThat(kept.stream().map(FailedTestIT::names)).containsExactlyInAnyOrder(
				List.of("reference row", "left by first"), List.of("reference row", "left by second"));
		for (String schema : kept) {
			assertThat(output).containsPattern(
					"WARN .*FailedTestIT\\$FailingTests\\.(first|second)\\(\\) failed; its schema is kept as '" + schema
							+ "' .* Open it with: mysql -h [^ ]+ -P [0-9]+ -u [^ ]+ -p " + schema
							+ ", or jdbc:mysql://[^ ]+/" + schema);
		}
		assertThat(output).doesNotContain("FailingTests.third() failed; its schema is kept");
		assertThat(output.toString().lines().filter((line) -> line.contains("its schema is kept as")))
			.allSatisfy((line) -> assertThat(line).doesNotContainPattern("password=(?!\\*)"));
	}

	private static List<String> names(String schema) {
		try (Connection connection = TestServer.server().open(schema)) {
			return new JdbcTemplate(new SingleConnectionDataSource(connection, true))
				.queryForList("SELECT name FROM person ORDER BY id", String.class);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SpringBootTest(properties = { "schemaclone.prefix=" + PREFIX, "schemaclone.keep-failed=2",
			"schemaclone.refresh=after-each-test-method" })
	@TestMethodOrder(OrderAnnotation.class)
	static class FailingTests {

		@Autowired
		private DataSource dataSource;

		@Test
		@Order(1)
		void first() {
			writeThenFail("first");
		}

		@Test
		@Order(2)
		void second() {
			writeThenFail("second");
		}

		@Test
		@Order(3)
		void third() {
			writeThenFail("third");
		}

		private void writeThenFail(String test) {
			JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
			assertThat(jdbc.queryForList("SELECT name FROM person", String.class)).as("refreshed after the test before")
				.containsExactly("reference row");
			jdbc.update("INSERT INTO person (name) VALUES (?)", "left by " + test);
			fail("fails on purpose");
		}

	}

}
