package dev.schemaclone.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

import dev.schemaclone.autoconfigure.SchemaCloneProperties.Refresh;

/**
 * Returns a context's clone to the state the context started with after each test class,
 * and, when the context's {@code schemaclone.refresh} asks, after each test method to the
 * state its class started its methods with ({@code @BeforeAll} and class-level
 * {@code @Sql} data included); runs the test classes of such a context one at a time, and
 * its methods too when they are refreshed, so that none sees another's rows or reset.
 * Ordered before {@code TransactionalTestExecutionListener} (4000) and
 * {@code SqlScriptsTestExecutionListener} (5000): Spring runs {@code before} callbacks in
 * order and {@code after} callbacks in reverse, so a class's baseline is taken before its
 * class-level scripts, and the reset comes after the test's transaction was rolled back
 * and its scripts ran.
 *
 * Spring makes one listener per test class, and gives each thread that runs the class's
 * methods its own copy of the {@code TestContext}: the class's turn lives in this
 * listener, where the class's method threads see it. See {@link ClassTurns} for
 * {@code @Nested} classes.
 */
public class SchemaRefreshTestExecutionListener extends AbstractTestExecutionListener {

	/** The order of this listener. */
	public static final int ORDER = 3800;

	private static final String METHOD_HELD = SchemaRefreshTestExecutionListener.class.getName() + ".methodHeld";

	private @Nullable ClassTurn turn;

	private List<ClassTurn> paused = List.of();

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void beforeTestClass(TestContext testContext) {
		ClassTurn turn = turnFor(testContext);
		if (turn != null) {
			List<ClassTurn> paused = ClassTurns.begin(turn);
			synchronized (this) {
				this.turn = turn;
				this.paused = paused;
			}
		}
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		ClassTurn turn = currentTurn(testContext);
		if (turn != null && turn.methods()) {
			String test = testName(testContext);
			turn.lockMethod(test);
			testContext.setAttribute(METHOD_HELD, turn);
			turn.startMethod(test);
		}
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.removeAttribute(METHOD_HELD) instanceof ClassTurn turn) {
			turn.endMethod(testName(testContext));
		}
	}

	/**
	 * Reset the schema held since the class began, even if the context was closed since
	 * ({@code @DirtiesContext}): a closed context's schema skips the reset, but lets the
	 * next class run.
	 */
	@Override
	public void afterTestClass(TestContext testContext) {
		ClassTurn turn;
		List<ClassTurn> paused;
		synchronized (this) {
			turn = this.turn;
			paused = this.paused;
			this.turn = null;
			this.paused = List.of();
		}
		if (turn != null) {
			ClassTurns.end(turn, paused);
		}
	}

	/**
	 * Return the class's turn on the context its next method runs on: after a method that
	 * closed the class's context ({@code @DirtiesContext}), a turn on the new one.
	 */
	private synchronized @Nullable ClassTurn currentTurn(TestContext testContext) {
		if (this.turn != null) {
			ClassTurn current = turnFor(testContext);
			if (current != null && current.schema() != this.turn.schema()) {
				ClassTurns.replace(this.turn, current);
				this.turn = current;
			}
		}
		return this.turn;
	}

	/**
	 * Return a turn for the test class on its context's schema if that context refreshes,
	 * else {@code null}.
	 */
	private static @Nullable ClassTurn turnFor(TestContext testContext) {
		ApplicationContext context = testContext.getApplicationContext();
		ContextSchema schema = context.getBeanProvider(ContextSchema.class).getIfAvailable();
		if (schema == null || schema.properties().getRefresh() == Refresh.NEVER || !schema.hasClone()) {
			return null;
		}
		return new ClassTurn(schema.contextClone(), testContext.getTestClass(),
				schema.properties().getRefresh() == Refresh.AFTER_EACH_TEST_METHOD);
	}

	static String testName(TestContext testContext) {
		return testContext.getTestClass().getName() + "." + testContext.getTestMethod().getName() + "()";
	}

}
