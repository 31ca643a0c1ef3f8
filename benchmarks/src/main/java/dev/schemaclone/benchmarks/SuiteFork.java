package dev.schemaclone.benchmarks;

import java.io.PrintWriter;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * One fork of the whole-suite benchmark, a child JVM: runs {@link SuiteClasses} with
 * JUnit's launcher and parallel classes, as Surefire runs a fork's share of a suite. The
 * mode's settings arrive as system properties, which the test contexts read.
 */
final class SuiteFork {

	/** Printed with the wall clock's milliseconds when the fork's tests have run. */
	static final String TESTS_ENDED = "[benchmark] tests ended at ";

	private SuiteFork() {
	}

	static void run() {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(SuiteClasses.inOrder().stream().map(DiscoverySelectors::selectClass).toList())
			.configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
			.configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
			.configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request, listener);
		System.out.println(TESTS_ENDED + System.currentTimeMillis());
		TestExecutionSummary summary = listener.getSummary();
		if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() == 0) {
			summary.printTo(new PrintWriter(System.out, true));
			summary.printFailuresTo(new PrintWriter(System.out, true), 20);
			// The contexts close in the shutdown hooks, as at the end of a Surefire fork.
			System.exit(1);
		}
		System.exit(0);
	}

}
