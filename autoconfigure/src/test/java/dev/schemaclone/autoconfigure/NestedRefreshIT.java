package dev.schemaclone.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.context.NestedTestConfiguration.EnclosingConfiguration;

import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Two test classes on two contexts that refresh after each class, each with a
 * {@code @Nested} class on the other's context, run in parallel: both outer classes hold
 * their context's turn when their nested classes ask for the other's. They finish, each
 * class starting on the template's state and no two classes of one context running at
 * once. Runs them in a launcher of its own, bounded so that a deadlock fails instead of
 * hanging.
 */
class NestedRefreshIT {

	private static final String PREFIX = "it_nested";

	/**
	 * Both outer classes are inside their context's turn before either nested class
	 * starts.
	 */
	private static final CyclicBarrier bothOuterClassesRunning = new CyclicBarrier(2);

	/** The classes running at once on each clone. */
	private static final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

	private static final Map<String, Integer> mostAtOnce = new ConcurrentHashMap<>();

	@BeforeAll
	@AfterAll
	static void dropEverythingUnderThePrefix() {
		TestServer.dropAll(PREFIX);
	}

	@Test
	void nestedClassesOnEachOthersRefreshingContextsInParallelClassesFinish() {
		LauncherDiscoveryRequest request = request().selectors(selectClass(OnA.class), selectClass(OnB.class))
			.configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
			.configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
			.configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
			.configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
			.configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		assertTimeoutPreemptively(Duration.ofMinutes(2), () -> LauncherFactory.create().execute(request, listener),
				"the classes did not finish: waiting for each other's contexts");
		TestExecutionSummary summary = listener.getSummary();
		assertThat(summary.getFailures()).extracting((failure) -> failure.getException().toString()).isEmpty();
		assertThat(summary.getTestsSucceededCount()).isEqualTo(4);
		assertThat(mostAtOnce).as("classes running at once per clone").hasSize(2).containsValues(1, 1);
	}

	/**
	 * Start on the template's state, write, and stay a moment, counted as running on the
	 * clone: long enough for a class of the same context to run meanwhile, were it
	 * allowed to.
	 */
	private static void runOn(DataSource dataSource) throws InterruptedException {
		String clone = ContextSchemas.currentSchema(dataSource);
		int atOnce = running.computeIfAbsent(clone, (key) -> new AtomicInteger()).incrementAndGet();
		mostAtOnce.merge(clone, atOnce, Math::max);
		try {
			RefreshIT.assertPristineThenWrite(dataSource);
			Thread.sleep(300);
		}
		finally {
			running.get(clone).decrementAndGet();
		}
	}

	@SpringBootTest(properties = { "schemaclone.prefix=" + PREFIX, "schemaclone.refresh=after-each-test-class",
			"nested.context=a" })
	static class OnA {

		@Autowired
		private DataSource dataSource;

		@Test
		void outer() throws Exception {
			runOn(this.dataSource);
			bothOuterClassesRunning.await(60, TimeUnit.SECONDS);
		}

		@Nested
		@NestedTestConfiguration(EnclosingConfiguration.OVERRIDE)
		@SpringBootTest(properties = { "schemaclone.prefix=" + PREFIX, "schemaclone.refresh=after-each-test-class",
				"nested.context=b" })
		class InnerOnB {

			@Autowired
			private DataSource dataSource;

			@Test
			void inner() throws Exception {
				runOn(this.dataSource);
			}

		}

	}

	@SpringBootTest(properties = { "schemaclone.prefix=" + PREFIX, "schemaclone.refresh=after-each-test-class",
			"nested.context=b" })
	static class OnB {

		@Autowired
		private DataSource dataSource;

		@Test
		void outer() throws Exception {
			runOn(this.dataSource);
			bothOuterClassesRunning.await(60, TimeUnit.SECONDS);
		}

		@Nested
		@NestedTestConfiguration(EnclosingConfiguration.OVERRIDE)
		@SpringBootTest(properties = { "schemaclone.prefix=" + PREFIX, "schemaclone.refresh=after-each-test-class",
				"nested.context=a" })
		class InnerOnA {

			@Autowired
			private DataSource dataSource;

			@Test
			void inner() throws Exception {
				runOn(this.dataSource);
			}

		}

	}

}
