package dev.schemaclone.autoconfigure;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The turns on refreshing contexts that the current thread holds for test classes, innermost
 * last, all on one context: a class on another refreshing context first gives them back,
 * their clones reset, and takes them again once it ends. A thread holding a turn so never
 * waits for another context's, and two threads whose {@code @Nested} classes enter each
 * other's contexts cannot wait for each other.
 */
final class ClassTurns {

	private static final ThreadLocal<Deque<Turn>> held = ThreadLocal.withInitial(ArrayDeque::new);

	private ClassTurns() {
	}

	/**
	 * Give back the turns this thread holds on contexts other than the one a test class is
	 * about to run on.
	 * @param schema the schema of the class's context
	 * @param testClass the class, named in the reset's warnings
	 * @return the turns given back, for {@link #resume(List)}
	 */
	static List<Turn> pauseOthers(ContextSchema schema, String testClass) {
		Deque<Turn> turns = held.get();
		if (turns.isEmpty() || turns.peekLast().schema() == schema) {
			return List.of();
		}
		List<Turn> paused = List.copyOf(turns);
		while (!turns.isEmpty()) {
			Turn turn = turns.removeLast();
			turn.schema().endTest(turn.testClass() + " (paused while " + testClass + " runs)");
		}
		return paused;
	}

	/**
	 * Take back the turns {@link #pauseOthers} gave back, outermost first.
	 */
	static void resume(List<Turn> paused) {
		for (Turn turn : paused) {
			take(turn.schema(), turn.testClass());
		}
	}

	/**
	 * Wait for a context's turn and hold it for a test class.
	 */
	static void take(ContextSchema schema, String testClass) {
		schema.beginTest(testClass);
		held.get().addLast(new Turn(schema, testClass));
	}

	/**
	 * Reset the clone after a test class and give its turn back.
	 */
	static void end(ContextSchema schema, String testClass) {
		held.get().removeLastOccurrence(new Turn(schema, testClass));
		schema.endTest(testClass);
	}

	record Turn(ContextSchema schema, String testClass) {

	}

}
