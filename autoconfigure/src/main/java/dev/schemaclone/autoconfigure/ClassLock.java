package dev.schemaclone.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Who runs test classes on one refreshing context: one owner at a time, which may take it
 * again for its {@code @Nested} classes. Held by an owner, not a thread: JUnit may run a
 * class's methods, or its nested classes, on other threads than the class itself.
 */
final class ClassLock {

	private @Nullable Object owner;

	private int holds;

	/**
	 * Wait, at most a bound, until no other owner holds the lock, and take it.
	 * @param owner who takes it
	 * @param wait the bound
	 * @param timedOut the error's message, when the bound passes
	 * @throws IllegalStateException when the bound passes or the thread is interrupted
	 */
	synchronized void acquire(Object owner, Duration wait, Supplier<String> timedOut) {
		long deadline = System.nanoTime() + wait.toNanos();
		try {
			while (this.owner != null && this.owner != owner) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException(timedOut.get());
				}
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting: " + timedOut.get(), ex);
		}
		this.owner = owner;
		this.holds++;
	}

	/**
	 * Give back one hold of an owner; the last lets the next owner in.
	 * @param owner who gives it back
	 */
	synchronized void release(Object owner) {
		if (this.owner == owner && --this.holds == 0) {
			this.owner = null;
			notifyAll();
		}
	}

}
