package dev.schemaclone.autoconfigure;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Test classes that share a refreshing context and run in parallel never see each other's
 * rows or reset: each of their tests starts on the template's state. Runs three such
 * classes with JUnit's parallel classes in a launcher of its own.
 */
class ParallelRefreshIT {

	private static final Set<String> threads = ConcurrentHashMap.newKeySet();

	@Test
	void parallelClassesOnOneRefreshingContextEachStartOnTheTemplatesState() {
		LauncherDiscoveryRequest request = request()
			.selectors(selectClass(First.class), selectClass(Second.class), selectClass(Third.class))
			.configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
			.configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
			.configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
			.configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
			.configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "3")
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request, listener);
		TestExecutionSummary summary = listener.getSummary();
		assertThat(summary.getFailures()).extracting((failure) -> failure.getException().toString()).isEmpty();
		assertThat(summary.getTestsSucceededCount()).isEqualTo(9);
		assertThat(threads).as("threads the classes ran on").hasSizeGreaterThan(1);
	}

	abstract static class RefreshingTests {

		@Autowired
		private DataSource dataSource;

		@Test
		void one() throws InterruptedException {
			writeAndLinger();
		}

		@Test
		void two() throws InterruptedException {
			writeAndLinger();
		}

		@Test
		void three() throws InterruptedException {
			writeAndLinger();
		}

		private void writeAndLinger() throws InterruptedException {
			threads.add(Thread.currentThread().getName());
			RefreshIT.assertPristineThenWrite(this.dataSource);
			// Long enough for another class's test to run meanwhile, were it allowed to.
			Thread.sleep(200);
		}

	}

	@SpringBootTest(properties = "schemaclone.refresh=after-each-test-method")
	static class First extends RefreshingTests {

	}

	@SpringBootTest(properties = "schemaclone.refresh=after-each-test-method")
	static class Second extends RefreshingTests {

	}

	@SpringBootTest(properties = "schemaclone.refresh=after-each-test-method")
	static class Third extends RefreshingTests {

	}

}
