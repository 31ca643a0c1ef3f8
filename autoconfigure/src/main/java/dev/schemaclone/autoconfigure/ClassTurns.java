package dev.schemaclone.autoconfigure;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.test.context.TestContext;

/**
 * The turns on refreshing contexts that the current thread holds for test classes, innermost
 * last, all on one context: a class on another refreshing context first ends them, their
 * clones reset, and begins them again once it ends. A thread holding a turn so never waits
 * for another context's, and two threads whose {@code @Nested} classes enter each other's
 * contexts cannot wait for each other.
 */
final class ClassTurns {

	private static final ThreadLocal<Deque<Turn>> held = ThreadLocal.withInitial(ArrayDeque::new);

	private ClassTurns() {
	}

	/**
	 * End the turns this thread holds on contexts other than the one a test class is about to
	 * run on.
	 * @param schema the schema of the class's context
	 * @param end ends one class's turn
	 * @return the turns ended, for {@link #resume}
	 */
	static List<Turn> pauseOthers(ContextSchema schema, Consumer<TestContext> end) {
		Deque<Turn> turns = held.get();
		if (turns.isEmpty() || turns.peekLast().schema() == schema) {
			return List.of();
		}
		List<Turn> paused = List.copyOf(turns);
		while (!turns.isEmpty()) {
			end.accept(turns.removeLast().testContext());
		}
		return paused;
	}

	/**
	 * Begin again the turns {@link #pauseOthers} ended, outermost first.
	 * @param paused the turns
	 * @param begin begins one class's turn, and {@link #add adds} it
	 */
	static void resume(List<Turn> paused, Consumer<TestContext> begin) {
		paused.forEach((turn) -> begin.accept(turn.testContext()));
	}

	/**
	 * Record that this thread holds a context's turn for a test class.
	 */
	static void add(ContextSchema schema, TestContext testContext) {
		held.get().addLast(new Turn(schema, testContext));
	}

	/**
	 * Record that this thread gave a class's turn back.
	 */
	static void remove(TestContext testContext) {
		held.get().removeIf((turn) -> turn.testContext() == testContext);
	}

	/**
	 * A turn held for one test class.
	 *
	 * @param schema the schema of the class's context
	 * @param testContext the class's test context
	 */
	record Turn(ContextSchema schema, TestContext testContext) {

	}

}
