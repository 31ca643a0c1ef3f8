package dev.schemaclone.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import dev.schemaclone.testsupport.TestServer;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * A suite of seven test classes on six context configurations, the last class on the
 * first configuration again, run by a JVM of its own so that it has a context cache of
 * its own ({@code spring.test.context.cache.maxSize} as the JVM sets it). Each test
 * prints {@code CLONE <class> <its clone> <clones on the server>}; the suite ends with
 * {@code RESULT <succeeded> <failed>}.
 */
public final class EvictingSuite {

	static final String PREFIX = "it_evict";

	/** The clones of the prefix, as a {@code LIKE} pattern. */
	static final String CLONES = PREFIX.replace("_", "\\_") + "\\_c\\_%";

	private EvictingSuite() {
	}

	public static void main(String[] args) {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create()
			.execute(request()
				.selectors(selectClass(Context1.class), selectClass(Context2.class), selectClass(Context3.class),
						selectClass(Context4.class), selectClass(Context5.class), selectClass(Context6.class),
						selectClass(Context7SameAsContext1.class))
				.configurationParameter(ClassOrderer.DEFAULT_ORDER_PROPERTY_NAME,
						ClassOrderer.ClassName.class.getName())
				.build(), listener);
		TestExecutionSummary summary = listener.getSummary();
		summary.getFailures().forEach((failure) -> failure.getException().printStackTrace(System.out));
		System.out.println("RESULT " + summary.getTestsSucceededCount() + " " + summary.getTestsFailedCount());
		System.out.flush();
		System.exit(0);
	}

	@SpringBootTest(classes = TestApplication.class,
			properties = { "schemaclone.prefix=" + PREFIX, "schemaclone.prefetch=1", "logging.level.root=warn" })
	abstract static class OneContext {

		@Autowired
		private DataSource dataSource;

		@Test
		void countsTheClones() {
			System.out.println("CLONE " + getClass().getSimpleName() + " "
					+ ContextSchemas.currentSchema(this.dataSource) + " " + TestServer.schemasLike(CLONES).size());
		}

	}

	@TestPropertySource(properties = "context.index=1")
	static class Context1 extends OneContext {

	}

	@TestPropertySource(properties = "context.index=2")
	static class Context2 extends OneContext {

	}

	@TestPropertySource(properties = "context.index=3")
	static class Context3 extends OneContext {

	}

	@TestPropertySource(properties = "context.index=4")
	static class Context4 extends OneContext {

	}

	@TestPropertySource(properties = "context.index=5")
	static class Context5 extends OneContext {

	}

	@TestPropertySource(properties = "context.index=6")
	static class Context6 extends OneContext {

	}

	/** Evicted by now: its context is built again. */
	@TestPropertySource(properties = "context.index=1")
	static class Context7SameAsContext1 extends OneContext {

	}

}
