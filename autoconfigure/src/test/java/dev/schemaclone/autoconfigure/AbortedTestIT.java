package dev.schemaclone.autoconfigure;

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
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * A test skipped by an assumption did not fail: its schema is not kept and nothing is
 * warned about, while a test failing in the same run still gets its copy. Runs the tests
 * in a launcher of their own.
 */
@ExtendWith(OutputCaptureExtension.class)
class AbortedTestIT {

	private static final String PREFIX = "it_aborted";

	@BeforeAll
	@AfterAll
	static void dropEverythingUnderThePrefix() {
		TestServer.dropAll(PREFIX);
	}

	@Test
	void testsSkippedByAnAssumptionGetNoCopyAndNoWarningAndAFailureStillDoes(CapturedOutput output) {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request().selectors(selectClass(SkippingTests.class)).build(), listener);
		TestExecutionSummary summary = listener.getSummary();
		assertThat(summary.getTestsAbortedCount()).isEqualTo(2);
		assertThat(summary.getTestsFailedCount()).isEqualTo(1);

		List<String> kept = TestServer.schemasLike(PREFIX.replace("_", "\\_") + "\\_f\\_%");
		assertThat(kept).hasSize(1);
		assertThat(output).containsPattern(
				"WARN .*SkippingTests\\.failing\\(\\) failed; its schema is kept as '" + kept.get(0) + "'");
		assertThat(output.toString().lines().filter((line) -> line.contains(" WARN "))).as("warnings")
			.noneMatch((line) -> line.contains("skipped"));
	}

	@SpringBootTest(properties = { "schemaclone.prefix=" + PREFIX, "schemaclone.refresh=after-each-test-method" })
	@TestMethodOrder(OrderAnnotation.class)
	static class SkippingTests {

		@Autowired
		private DataSource dataSource;

		@Test
		@Order(1)
		void skippedFirst() {
			write("skippedFirst");
			assumeTrue(false, "not on this machine");
		}

		@Test
		@Order(2)
		void failing() {
			write("failing");
			fail("fails on purpose");
		}

		@Test
		@Order(3)
		void skippedLast() {
			write("skippedLast");
			assumeTrue(false, "not on this machine");
		}

		private void write(String test) {
			new JdbcTemplate(this.dataSource).update("INSERT INTO person (name) VALUES (?)", "left by " + test);
		}

	}

}
