package dev.schemaclone.internal.workspace;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Clones made ahead of need, in the background, while tests run: context loading is
 * serialized in one JVM, so a clone made while the next context starts lies on the
 * critical path of every test class, and one made before does not. Bounded per template;
 * the clones of closed contexts, made ready again, come on top.
 */
final class SpareClones {

	private static final Log logger = LogFactory.getLog(SpareClones.class);

	/**
	 * A spare in the making is always nearer than a new clone, but a hung one must not
	 * hang a context.
	 */
	private static final Duration MAX_WAIT = Duration.ofMinutes(1);

	private final int limit;

	private final Function<String, String> cloner;

	private final Map<String, Spares> spares = new ConcurrentHashMap<>();

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
	 * Take a spare of a template: a ready one, else the one in the making, else
	 * {@code null}.
	 */
	String take(String template) {
		if (template == null) {
			return null;
		}
		Spares spares = spares(template);
		long deadline = System.nanoTime() + MAX_WAIT.toNanos();
		try {
			// Polled in slices: a spare whose making fails adds nothing to wait for.
			String ready = spares.ready.poll();
			while (ready == null && spares.inMaking.get() > 0 && System.nanoTime() < deadline) {
				ready = spares.ready.poll(50, TimeUnit.MILLISECONDS);
			}
			// One finished between the first look and the count.
			return (ready != null) ? ready : spares.ready.poll();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * Start topping up the spares of a template in the background.
	 */
	void replenish(String template) {
		Spares spares = spares(template);
		if (this.limit > 0 && spares.ready.size() + spares.inMaking.get() < this.limit) {
			make(template, () -> this.cloner.apply(template));
		}
	}

	/**
	 * Make a used clone of a template a spare in the background, beyond the limit: it
	 * exists already, and the one who made it ready again returns {@code null} when it
	 * could not.
	 * @param template the template
	 * @param recycler makes the clone ready again and returns its name
	 */
	void recycle(String template, Supplier<String> recycler) {
		make(template, recycler);
	}

	private void make(String template, Supplier<String> maker) {
		Spares spares = spares(template);
		if (this.closed) {
			return;
		}
		spares.inMaking.incrementAndGet();
		try {
			this.executor.execute(() -> {
				long start = System.nanoTime();
				try {
					String spare = maker.get();
					if (spare != null) {
						spares.ready.add(spare);
						logger.debug("Spare '%s' of '%s' ready in %d ms".formatted(spare, template,
								Duration.ofNanos(System.nanoTime() - start).toMillis()));
					}
				}
				catch (RuntimeException ex) {
					logger.warn("Could not prepare a spare clone of '%s': %s".formatted(template, ex.getMessage()));
				}
				finally {
					spares.inMaking.decrementAndGet();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Closed meanwhile: whoever ends this process's clones ends this one too.
			spares.inMaking.decrementAndGet();
		}
	}

	private Spares spares(String template) {
		return this.spares.computeIfAbsent(template, (key) -> new Spares());
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

	/**
	 * The spares of one template: those ready and how many are in the making.
	 */
	private static final class Spares {

		private final BlockingQueue<String> ready = new LinkedBlockingQueue<>();

		private final AtomicInteger inMaking = new AtomicInteger();

	}

}
