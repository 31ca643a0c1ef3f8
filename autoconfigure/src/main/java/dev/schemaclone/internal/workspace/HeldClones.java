package dev.schemaclone.internal.workspace;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The clones that open contexts hold: at exit each is ended only once its context has
 * given it back, since the context's beans and schedulers write into it until their close
 * ends.
 */
final class HeldClones {

	/** Guarded by this. */
	private final Set<String> held = new HashSet<>();

	synchronized void hold(String clone) {
		this.held.add(clone);
	}

	synchronized void release(String clone) {
		if (this.held.remove(clone)) {
			notifyAll();
		}
	}

	/**
	 * Hand each clone over as soon as no context holds it, in the order their contexts
	 * give them back, and, after a bound, those still held to another end.
	 * @param clones the clones
	 * @param bound how long to wait for the contexts that hold some
	 * @param released what ends a clone no context holds
	 * @param stillHeld what ends a clone still held after the bound
	 */
	void awaitEach(Collection<String> clones, Duration bound, Consumer<String> released, Consumer<String> stillHeld) {
		long deadline = System.nanoTime() + bound.toNanos();
		Set<String> waiting = new HashSet<>(clones);
		while (!waiting.isEmpty()) {
			Set<String> free = freeOrNoneBy(waiting, deadline);
			if (free.isEmpty()) {
				break;
			}
			waiting.removeAll(free);
			free.forEach(released);
		}
		waiting.forEach(stillHeld);
	}

	/**
	 * Return the clones no context holds, waiting for one to be given back when all are
	 * held; none once the deadline passed.
	 */
	private synchronized Set<String> freeOrNoneBy(Set<String> clones, long deadline) {
		try {
			for (;;) {
				Set<String> free = new HashSet<>(clones);
				free.removeAll(this.held);
				long left = deadline - System.nanoTime();
				if (!free.isEmpty() || left <= 0) {
					return free;
				}
				wait(Math.max(1, Duration.ofNanos(left).toMillis()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Set.of();
		}
	}

}
