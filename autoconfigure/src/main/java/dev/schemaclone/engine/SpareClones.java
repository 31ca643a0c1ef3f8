package dev.schemaclone.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Clones made ahead of need, in the background, while tests run: context loading is
 * serialized in one JVM, so a clone made while the next context starts lies on the critical
 * path of every test class, and one made before does not. Bounded per template.
 */
final class SpareClones {

	private static final Log logger = LogFactory.getLog(SpareClones.class);

	private final int limit;

	private final Function<String, String> cloner;

	private final Map<String, Queue<String>> spares = new ConcurrentHashMap<>();

	private final ExecutorService executor;

	private volatile boolean closed;

	/**
	 * @param limit how many spares to keep per template, 0 for none
	 * @param cloner makes a clone of a template and returns its name
	 */
	SpareClones(int limit, Function<String, String> cloner) {
		this.limit = limit;
		this.cloner = cloner;
		this.executor = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "schemaclone-prefetch");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Take a ready spare of a template, or {@code null} if there is none.
	 */
	String take(String template) {
		return (template != null) ? queue(template).poll() : null;
	}

	/**
	 * Start topping up the spares of a template in the background.
	 */
	void replenish(String template) {
		if (this.limit > 0 && !this.closed) {
			this.executor.execute(() -> fill(template));
		}
	}

	private void fill(String template) {
		Queue<String> queue = queue(template);
		while (!this.closed && queue.size() < this.limit) {
			long start = System.nanoTime();
			try {
				queue.add(this.cloner.apply(template));
				logger.debug("Prefetched a clone of '%s' in %d ms".formatted(template,
						Duration.ofNanos(System.nanoTime() - start).toMillis()));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not prefetch a clone of '%s': %s".formatted(template, ex.getMessage()));
				return;
			}
		}
	}

	private Queue<String> queue(String template) {
		return this.spares.computeIfAbsent(template, (key) -> new ConcurrentLinkedQueue<>());
	}

	/**
	 * Stop prefetching and wait for a clone in the making, so that whoever drops this
	 * process's clones next also drops that one.
	 */
	void close() {
		this.closed = true;
		this.executor.shutdown();
		try {
			this.executor.awaitTermination(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
