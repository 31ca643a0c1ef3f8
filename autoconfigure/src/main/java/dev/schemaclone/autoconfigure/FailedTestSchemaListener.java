package dev.schemaclone.autoconfigure;

import java.util.Set;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Keeps a copy of a context's clone as a failed test left it, for the developer to look
 * at after the run; a test skipped by an assumption did not fail and gets none. Ordered
 * after {@code TransactionalTestExecutionListener} (4000) rolled the test's transaction
 * back and before {@link SchemaRefreshTestExecutionListener} resets the clone: Spring
 * runs {@code after} callbacks in reverse order.
 */
public class FailedTestSchemaListener extends AbstractTestExecutionListener {

	/** The order of this listener. */
	public static final int ORDER = 3900;

	/**
	 * What a test framework throws for a test an assumption skipped, by name: JUnit 4
	 * need not be on the class path, and its
	 * {@code org.junit.AssumptionViolatedException} extends the internal one named here.
	 */
	private static final Set<String> ABORTED = Set.of("org.opentest4j.TestAbortedException",
			"org.junit.internal.AssumptionViolatedException");

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		Throwable exception = testContext.getTestException();
		if (exception == null || isAborted(exception) || !testContext.hasApplicationContext()) {
			return;
		}
		ContextSchema schema = testContext.getApplicationContext()
			.getBeanProvider(ContextSchema.class)
			.getIfAvailable();
		if (schema != null && schema.hasClone()) {
			schema.contextClone().keepFailed(SchemaRefreshTestExecutionListener.testName(testContext));
		}
	}

	private static boolean isAborted(Throwable exception) {
		for (Class<?> type = exception.getClass(); type != null; type = type.getSuperclass()) {
			if (ABORTED.contains(type.getName())) {
				return true;
			}
		}
		return false;
	}

}
