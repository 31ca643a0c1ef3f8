package dev.schemaclone.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Test lifecycles under which a refreshing context's tests start on what an earlier test
 * wrote. Each case runs its classes in a launcher of its own; every test in them asserts
 * the template's state first ({@link RefreshIT#assertPristineThenWrite}), so each failure
 * is a test that started on a wrong schema.
 */
class RefreshLifecycleAttackIT {

	/**
	 * Its own prefix; with keep-warm 0 the clones go when the JVM ends, like other
	 * contexts'.
	 */
	static final String PREFIX = "it_atkspring";

	/**
	 * {@code @DirtiesContext} on one method closes the context after it; the next method
	 * of the class gets a new context, whose clone the listener never holds, baselines or
	 * resets: it keeps the schema of the context the class began with. The third method
	 * then finds the second's rows, and the next class on the same configuration (which
	 * gets the new context from the cache) takes them as the state the context started
	 * with.
	 */
	@Test
	void methodDirtyingTheContextLeavesTheNextContextUnrefreshed() {
		assertNoFailures(run(List.of(DirtiesOneMethod.class, NextClassOnTheDirtiedConfiguration.class), false), 4);
	}

	/**
	 * With JUnit's concurrent methods, each method runs its Spring callbacks on a thread
	 * of its own, with its own copy of the {@code TestContext} made from the one the
	 * class began with ({@code TestContextManager}'s thread-local copies), and the
	 * attributes the listener set in {@code beforeTestClass} live on the class thread's
	 * copy only: the class's held schema is not seen, so methods neither wait for each
	 * other nor are reset.
	 */
	@Test
	void concurrentMethodsOfAMethodRefreshingClassEachStartOnTheTemplatesState() {
		assertNoFailures(run(List.of(ConcurrentMethods.class), true), 4);
	}

	private static TestExecutionSummary run(List<Class<?>> classes, boolean concurrentMethods) {
		LauncherDiscoveryRequest request = request()
			.selectors(classes.stream().map((type) -> selectClass(type)).toList())
			.configurationParameter("junit.jupiter.testclass.order.default",
					"org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
			.configurationParameter("junit.jupiter.execution.parallel.enabled", String.valueOf(concurrentMethods))
			.configurationParameter("junit.jupiter.execution.parallel.mode.default",
					concurrentMethods ? "concurrent" : "same_thread")
			.configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "same_thread")
			.configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
			.configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request, listener);
		return listener.getSummary();
	}

	private static void assertNoFailures(TestExecutionSummary summary, int tests) {
		assertThat(summary.getFailures())
			.extracting((failure) -> failure.getTestIdentifier().getDisplayName() + ": " + failure.getException())
			.isEmpty();
		assertThat(summary.getTestsSucceededCount()).isEqualTo(tests);
	}

	@SpringBootTest(properties = { "schemaclone.refresh=after-each-test-method", "schemaclone.prefix=" + PREFIX,
			"schemaclone.keep-warm=0", "schemaclone.keep-failed=0", "attack.case=dirties" })
	@TestMethodOrder(OrderAnnotation.class)
	@Order(1)
	static class DirtiesOneMethod {

		@Autowired
		private DataSource dataSource;

		@Test
		@Order(1)
		@DirtiesContext
		void firstDirtiesTheContext() {
			RefreshIT.assertPristineThenWrite(this.dataSource);
		}

		@Test
		@Order(2)
		void secondRunsOnTheNewContext() {
			RefreshIT.assertPristineThenWrite(this.dataSource);
		}

		@Test
		@Order(3)
		void thirdFindsTheTemplatesState() {
			RefreshIT.assertPristineThenWrite(this.dataSource);
		}

	}

	@SpringBootTest(properties = { "schemaclone.refresh=after-each-test-method", "schemaclone.prefix=" + PREFIX,
			"schemaclone.keep-warm=0", "schemaclone.keep-failed=0", "attack.case=dirties" })
	@Order(2)
	static class NextClassOnTheDirtiedConfiguration {

		@Autowired
		private DataSource dataSource;

		@Test
		void findsTheTemplatesState() {
			RefreshIT.assertPristineThenWrite(this.dataSource);
		}

	}

	@SpringBootTest(properties = { "schemaclone.refresh=after-each-test-method", "schemaclone.prefix=" + PREFIX,
			"schemaclone.keep-warm=0", "schemaclone.keep-failed=0", "attack.case=concurrent" })
	static class ConcurrentMethods {

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

		@Test
		void four() throws InterruptedException {
			writeAndLinger();
		}

		private void writeAndLinger() throws InterruptedException {
			RefreshIT.assertPristineThenWrite(this.dataSource);
			// Long enough for another method to run meanwhile, were it not held back.
			Thread.sleep(300);
		}

	}

}
