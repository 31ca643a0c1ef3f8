package dev.schemaclone.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The turns test classes hold on refreshing contexts, found by class so that a
 * {@code @Nested} class finds those of the classes around it on whatever thread JUnit
 * runs it. A nested class on the same context runs inside its enclosing class's turn; one
 * on another context first ends the turns around it, their clones reset, and begins them
 * again once it ends: a class holding a turn so never waits for another context's, and
 * parallel classes whose nested classes enter each other's contexts cannot wait for each
 * other.
 */
final class ClassTurns {

	private static final Map<Class<?>, ClassTurn> active = new ConcurrentHashMap<>();

	private ClassTurns() {
	}

	/**
	 * Begin a class's turn.
	 * @param turn the turn
	 * @return the turns of enclosing classes it ended, for {@link #end}
	 */
	static List<ClassTurn> begin(ClassTurn turn) {
		List<ClassTurn> enclosing = enclosing(turn.testClass());
		Object owner = turn;
		List<ClassTurn> paused = List.of();
		if (!enclosing.isEmpty()) {
			ClassTurn innermost = enclosing.get(enclosing.size() - 1);
			if (innermost.schema() == turn.schema()) {
				owner = innermost.owner();
			}
			else {
				paused = enclosing;
				for (int i = paused.size() - 1; i >= 0; i--) {
					paused.get(i).end();
				}
			}
		}
		try {
			turn.begin(owner);
		}
		catch (RuntimeException ex) {
			resume(paused);
			throw ex;
		}
		active.put(turn.testClass(), turn);
		return paused;
	}

	/**
	 * End a class's turn and begin again, outermost first, the turns it ended.
	 * @param turn the turn
	 * @param paused what {@link #begin} returned
	 */
	static void end(ClassTurn turn, List<ClassTurn> paused) {
		active.remove(turn.testClass(), turn);
		turn.end();
		resume(paused);
	}

	private static void resume(List<ClassTurn> paused) {
		paused.forEach((outer) -> outer.begin(outer.owner()));
	}

	/**
	 * Replace the turn of a class whose context was closed before its next method
	 * ({@code @DirtiesContext}) by a turn on the context it runs on now.
	 */
	static void replace(ClassTurn closed, ClassTurn current) {
		closed.end();
		current.begin(current);
		active.replace(closed.testClass(), closed, current);
	}

	/**
	 * Return the turns held by the classes around a class, outermost first.
	 */
	private static List<ClassTurn> enclosing(Class<?> testClass) {
		List<ClassTurn> turns = new ArrayList<>();
		for (Class<?> outer = testClass.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
			ClassTurn turn = active.get(outer);
			if (turn != null) {
				turns.add(0, turn);
			}
		}
		return turns;
	}

}
