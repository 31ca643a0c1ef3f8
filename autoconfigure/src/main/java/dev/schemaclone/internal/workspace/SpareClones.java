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
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.copy.CloneReset;
import dev.schemaclone.internal.workspace.WarmClones.Claim;

/**
 * The schemas ready for the next context of a template: spares made ahead of need, in the
 * background, while tests run (context loading is serialized in one JVM, so a clone made
 * while the next context starts lies on the critical path of every test class, and one
 * made before does not), bounded per template; the clones of closed contexts, reset, on
 * top; else a warm clone claimed.
 */
final class SpareClones {

	private static final Log logger = LogFactory.getLog(SpareClones.class);

	/**
	 * A spare in the making is always nearer than a new clone, but a hung one must not
	 * hang a context.
	 */
	private static final Duration MAX_WAIT = Duration.ofMinutes(1);

	private final int limit;

	private final WarmClones warm;

	private final CloneMaker maker;

	private final TemplateStates states;

	private final OwnedClones clones;

	private final WorkspaceActivity activity;

	private final Map<String, Spares> spares = new ConcurrentHashMap<>();

	private final ExecutorService executor;

	private volatile boolean closed;

	/**
	 * @param limit how many spares to keep per template, 0 for none
	 */
	SpareClones(int limit, WarmClones warm, CloneMaker maker, TemplateStates states, OwnedClones clones,
			WorkspaceActivity activity) {
		this.limit = limit;
		this.warm = warm;
		this.maker = maker;
		this.states = states;
		this.clones = clones;
		this.activity = activity;
		this.executor = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "schemaclone-prefetch");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Take a schema filled from a template: a ready spare, else the one in the making,
	 * else a warm clone claimed now, else {@code null}.
	 */
	@Nullable String take(@Nullable String template) {
		if (template == null) {
			return null;
		}
		String spare = takeSpare(template);
		return (spare != null) ? spare : claimWarm(template);
	}

	private @Nullable String takeSpare(String template) {
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
			make(template, () -> {
				String claimed = claimWarm(template);
				return (claimed != null) ? claimed : this.maker.createClone(template);
			});
		}
	}

	/**
	 * Read in the background what resetting a template's clones takes, before the first
	 * reset needs it: a process that only claimed warm clones would otherwise read the
	 * template at its end, where the build waits for it.
	 */
	void readAhead(String template) {
		submit(() -> {
			try {
				this.states.readAhead(template);
			}
			catch (RuntimeException ex) {
				// The first reset reads it again, and reports what fails then.
				logger.debug("Could not read template '%s' ahead: %s".formatted(template, ex.getMessage()));
			}
		});
	}

	/**
	 * Claim a warm clone of a template. One that a process running alongside kept after
	 * this one started (a fork of the same build that ended) is replaced in the
	 * background by a new clone, which no context takes: this process keeps it warm at
	 * its end, so that the build leaves as many warm clones as its processes ended with,
	 * one for each context of the next build.
	 */
	private @Nullable String claimWarm(String template) {
		Claim claim = this.warm.claim(template);
		if (claim == null) {
			return null;
		}
		if (claim.keptMeanwhile()) {
			submit(() -> {
				try {
					this.maker.createClone(template);
				}
				catch (RuntimeException ex) {
					logger.warn("Could not clone '%s' in place of a warm clone claimed (%s); the next build clones it"
						.formatted(template, ex.getMessage()));
				}
			});
		}
		return claim.schema();
	}

	/**
	 * Make the clone of a closed context a spare in the background, beyond the limit: its
	 * reset costs a fraction of a new clone. One that cannot be reset is dropped.
	 * @param clone the clone, which no context holds any more
	 * @param template the template it was filled from
	 */
	void recycle(String clone, String template) {
		make(template, () -> {
			try (CloneReset reset = this.states.resetOf(clone, template)) {
				reset.reset("its closed context");
				this.activity.recycled();
				return clone;
			}
			catch (RuntimeException ex) {
				logger.warn("Could not reset the clone '%s' of a closed context (%s); dropping it".formatted(clone,
						ex.getMessage()));
				this.clones.dropLater(clone);
				return null;
			}
		});
	}

	private void make(String template, Supplier<String> maker) {
		Spares spares = spares(template);
		spares.inMaking.incrementAndGet();
		boolean submitted = submit(() -> {
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
		if (!submitted) {
			spares.inMaking.decrementAndGet();
		}
	}

	/**
	 * Run a job in the background, unless closed: whoever ends this process's clones then
	 * ends what the job would have made ready.
	 */
	private boolean submit(Runnable job) {
		if (this.closed) {
			return false;
		}
		try {
			this.executor.execute(job);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	private Spares spares(String template) {
		return this.spares.computeIfAbsent(template, (key) -> new Spares());
	}

	/**
	 * Stop prefetching and wait for a clone in the making, so that whoever drops this
	 * process's clones next also drops that one. Only the first call waits: the end of a
	 * process closes the spares twice, and a job hung on a server that stopped answering
	 * would otherwise hold its exit twice as long.
	 */
	synchronized void close() {
		if (this.closed) {
			return;
		}
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
