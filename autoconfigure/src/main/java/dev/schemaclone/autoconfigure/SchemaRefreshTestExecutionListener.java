package dev.schemaclone.autoconfigure;

import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

import dev.schemaclone.autoconfigure.SchemaCloneProperties.Refresh;

/**
 * Returns a context's clone to the state the context started with after each test class,
 * and, when the context's {@code schemaclone.refresh} asks, after each test method to the
 * state its class started its methods with ({@code @BeforeAll} and class-level {@code @Sql}
 * data included); runs the test classes of such a context one at a time, and its methods too
 * when they are refreshed, so that none sees another's rows or reset. Ordered before
 * {@code TransactionalTestExecutionListener} (4000) and {@code SqlScriptsTestExecutionListener}
 * (5000): Spring runs {@code before} callbacks in order and {@code after} callbacks in reverse,
 * so a class's baseline is taken before its class-level scripts, and the reset comes after
 * the test's transaction was rolled back and its scripts ran. A class on another refreshing
 * context than the classes around it ({@code @Nested}) pauses their turns while it runs, see
 * {@link ClassTurns}.
 */
public class SchemaRefreshTestExecutionListener extends AbstractTestExecutionListener {

	/** The order of this listener. */
	public static final int ORDER = 3800;

	private static final String HELD = SchemaRefreshTestExecutionListener.class.getName() + ".held";

	private static final String PAUSED = SchemaRefreshTestExecutionListener.class.getName() + ".paused";

	private static final String METHOD_BASELINE = SchemaRefreshTestExecutionListener.class.getName() + ".methodBaseline";

	private static final String METHOD_HELD = SchemaRefreshTestExecutionListener.class.getName() + ".methodHeld";

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void beforeTestClass(TestContext testContext) {
		ApplicationContext context = testContext.getApplicationContext();
		ContextSchemaPostProcessor postProcessor = context.getBeanProvider(ContextSchemaPostProcessor.class)
			.getIfAvailable();
		if (postProcessor != null && postProcessor.refresh() != Refresh.NEVER && postProcessor.hasSchema()) {
			ContextSchema schema = postProcessor.schema();
			testContext.setAttribute(PAUSED, ClassTurns.pauseOthers(schema, SchemaRefreshTestExecutionListener::endTurn));
			testContext.setAttribute(HELD, new Held(schema, postProcessor.refresh() == Refresh.AFTER_EACH_TEST_METHOD));
			beginTurn(testContext);
		}
	}

	/**
	 * Take, before the first method of a class, what its class set-up wrote as the state each
	 * of its methods starts from.
	 */
	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.getAttribute(HELD) instanceof Held held && held.methods()) {
			ContextSchema schema = held.schema();
			String test = testName(testContext);
			schema.beginMethod(test);
			testContext.setAttribute(METHOD_HELD, schema);
			if (testContext.getAttribute(METHOD_BASELINE) == null) {
				testContext.setAttribute(METHOD_BASELINE, Boolean.TRUE);
				schema.beginBaseline(test);
			}
			else {
				schema.requireReset(test);
			}
		}
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.removeAttribute(METHOD_HELD) instanceof ContextSchema schema) {
			try {
				schema.reset(testName(testContext));
			}
			finally {
				schema.endMethod();
			}
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public void afterTestClass(TestContext testContext) {
		endTurn(testContext);
		testContext.removeAttribute(HELD);
		if (testContext.removeAttribute(PAUSED) instanceof List<?> paused) {
			ClassTurns.resume((List<ClassTurns.Turn>) paused, SchemaRefreshTestExecutionListener::beginTurn);
		}
	}

	/**
	 * Wait for the class's turn on its context and take the clone's state as its baseline.
	 */
	private static void beginTurn(TestContext testContext) {
		Held held = (Held) testContext.getAttribute(HELD);
		String testClass = testContext.getTestClass().getName();
		held.schema().beginClass(testClass);
		ClassTurns.add(held.schema(), testContext);
		held.schema().beginBaseline(testClass);
	}

	/**
	 * Reset the schema held since the class began and give its turn back, even if the
	 * context was closed since ({@code @DirtiesContext}): a closed context's schema skips the
	 * reset, but lets the next class run.
	 */
	private static void endTurn(TestContext testContext) {
		Held held = (Held) testContext.getAttribute(HELD);
		if (held == null) {
			return;
		}
		ContextSchema schema = held.schema();
		try {
			if (testContext.removeAttribute(METHOD_BASELINE) != null) {
				schema.endBaseline();
			}
			schema.reset(testContext.getTestClass().getName());
			schema.endBaseline();
		}
		finally {
			ClassTurns.remove(testContext);
			schema.endClass();
		}
	}

	static String testName(TestContext testContext) {
		return testContext.getTestClass().getName() + "." + testContext.getTestMethod().getName() + "()";
	}

	/**
	 * The schema a test class holds, and whether its methods are refreshed.
	 */
	private record Held(ContextSchema schema, boolean methods) {

	}

}
