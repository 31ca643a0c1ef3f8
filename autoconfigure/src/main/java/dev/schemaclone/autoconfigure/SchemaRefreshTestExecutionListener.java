package dev.schemaclone.autoconfigure;

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
 * nothing to do for a {@code @Transactional} test.
 */
public class SchemaRefreshTestExecutionListener extends AbstractTestExecutionListener {

	/** The order of this listener. */
	public static final int ORDER = 3800;

	private static final String HELD = SchemaRefreshTestExecutionListener.class.getName() + ".held.";

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void beforeTestClass(TestContext testContext) {
		begin(testContext, Refresh.AFTER_EACH_TEST_CLASS, testContext.getTestClass().getName());
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		begin(testContext, Refresh.AFTER_EACH_TEST_METHOD, testName(testContext));
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		end(testContext, Refresh.AFTER_EACH_TEST_METHOD, testName(testContext));
	}

	@Override
	public void afterTestClass(TestContext testContext) {
		end(testContext, Refresh.AFTER_EACH_TEST_CLASS, testContext.getTestClass().getName());
	}

	private void begin(TestContext testContext, Refresh mode, String test) {
		ApplicationContext context = testContext.getApplicationContext();
		ContextSchemaPostProcessor postProcessor = context.getBeanProvider(ContextSchemaPostProcessor.class)
			.getIfAvailable();
		if (postProcessor != null && postProcessor.refresh() == mode && postProcessor.hasSchema()) {
			ContextSchema schema = postProcessor.schema();
			schema.beginTest(test);
			testContext.setAttribute(HELD + mode, schema);
		}
	}

	/**
	 * Reset the schema held since the test began, even if the context was closed since
	 * ({@code @DirtiesContext}): a closed context's schema skips the reset, but lets the next
	 * test run.
	 */
	private void end(TestContext testContext, Refresh mode, String test) {
		if (testContext.removeAttribute(HELD + mode) instanceof ContextSchema schema) {
			schema.endTest(test);
		}
	}

	static String testName(TestContext testContext) {
		return testContext.getTestClass().getName() + "." + testContext.getTestMethod().getName() + "()";
	}

}
