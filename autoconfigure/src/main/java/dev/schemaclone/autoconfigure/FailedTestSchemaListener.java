package dev.schemaclone.autoconfigure;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Keeps a copy of a context's clone as a failed test left it, for the developer to look at
 * after the run. Ordered after {@code TransactionalTestExecutionListener} (4000) rolled the
 * test's transaction back and before {@link SchemaRefreshTestExecutionListener} resets the
 * clone: Spring runs {@code after} callbacks in reverse order.
 */
public class FailedTestSchemaListener extends AbstractTestExecutionListener {

	/** The order of this listener. */
	public static final int ORDER = 3900;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.getTestException() == null || !testContext.hasApplicationContext()) {
			return;
		}
		ContextSchemaPostProcessor postProcessor = testContext.getApplicationContext()
			.getBeanProvider(ContextSchemaPostProcessor.class)
			.getIfAvailable();
		if (postProcessor != null && postProcessor.hasSchema()) {
			postProcessor.schema().keepFailed(SchemaRefreshTestExecutionListener.testName(testContext));
		}
	}

}
