package dev.schemaclone.autoconfigure;

import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

import dev.schemaclone.autoconfigure.SchemaCloneProperties.Refresh;

/**
 * Returns a context's clone to its template's state after each test method or test class,
 * as the context's {@code schemaclone.refresh} asks, and runs the tests of such a context one
 * at a time so that none sees another's rows or reset. Ordered before
 * {@code TransactionalTestExecutionListener} (4000): Spring runs {@code after} callbacks in
 * reverse order, so the reset comes after the test's transaction was rolled back and finds
 * nothing to do for a {@code @Transactional} test. A class on another refreshing context than
 * the classes around it ({@code @Nested}) pauses their turns while it runs, see
 * {@link ClassTurns}.
 */
public class SchemaRefreshTestExecutionListener extends AbstractTestExecutionListener {

	/** The order of this listener. */
	public static final int ORDER = 3800;

	private static final String HELD = SchemaRefreshTestExecutionListener.class.getName() + ".held.";

	private static final String PAUSED = SchemaRefreshTestExecutionListener.class.getName() + ".paused";

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void beforeTestClass(TestContext testContext) {
		String testClass = testContext.getTestClass().getName();
		ContextSchemaPostProcessor refreshing = refreshing(testContext);
		if (refreshing != null) {
			ContextSchema schema = refreshing.schema();
			testContext.setAttribute(PAUSED, ClassTurns.pauseOthers(schema, testClass));
			if (refreshing.refresh() == Refresh.AFTER_EACH_TEST_CLASS) {
				ClassTurns.take(schema, testClass);
				testContext.setAttribute(HELD + Refresh.AFTER_EACH_TEST_CLASS, schema);
			}
		}
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		ContextSchemaPostProcessor refreshing = refreshing(testContext);
		if (refreshing != null && refreshing.refresh() == Refresh.AFTER_EACH_TEST_METHOD) {
			ContextSchema schema = refreshing.schema();
			schema.beginTest(testName(testContext));
			testContext.setAttribute(HELD + Refresh.AFTER_EACH_TEST_METHOD, schema);
		}
	}

	/**
	 * Reset the schema held since the test began, even if the context was closed since
	 * ({@code @DirtiesContext}): a closed context's schema skips the reset, but lets the next
	 * test run.
	 */
	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.removeAttribute(HELD + Refresh.AFTER_EACH_TEST_METHOD) instanceof ContextSchema schema) {
			schema.endTest(testName(testContext));
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public void afterTestClass(TestContext testContext) {
		if (testContext.removeAttribute(HELD + Refresh.AFTER_EACH_TEST_CLASS) instanceof ContextSchema schema) {
			ClassTurns.end(schema, testContext.getTestClass().getName());
		}
		if (testContext.removeAttribute(PAUSED) instanceof List<?> paused) {
			ClassTurns.resume((List<ClassTurns.Turn>) paused);
		}
	}

	/**
	 * Return what holds the schema of the test's context if that context refreshes, else
	 * {@code null}.
	 */
	private static ContextSchemaPostProcessor refreshing(TestContext testContext) {
		ApplicationContext context = testContext.getApplicationContext();
		ContextSchemaPostProcessor postProcessor = context.getBeanProvider(ContextSchemaPostProcessor.class)
			.getIfAvailable();
		return (postProcessor != null && postProcessor.refresh() != Refresh.NEVER && postProcessor.hasSchema())
				? postProcessor : null;
	}

	static String testName(TestContext testContext) {
		return testContext.getTestClass().getName() + "." + testContext.getTestMethod().getName() + "()";
	}

}
