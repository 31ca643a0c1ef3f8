package dev.schemaclone.engine;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Drops clones on background connections: a closing context does not wait for its clone's
 * {@code DROP}, and the end of the process waits for its drops all at once instead of one
 * after another. On a disk-backed server a drop is mostly the server waiting for its files,
 * and those waits overlap.
 */
final class CloneDrops {

	private static final Log logger = LogFactory.getLog(CloneDrops.class);

	/** Dropping is all that is left at exit, but a server that no longer answers must not hang it. */
	private static final Duration MAX_WAIT = Duration.ofMinutes(1);

	private final ThreadPoolExecutor executor;

	private final Consumer<String> dropper;

	/**
	 * @param threads how many drops may run at once, each on its own connection
	 * @param dropper drops one clone, throwing {@link SchemaCloneException} if it cannot
	 */
	CloneDrops(int threads, Consumer<String> dropper) {
		this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				(runnable) -> {
					Thread thread = new Thread(runnable, "schemaclone-drop");
					thread.setDaemon(true);
					return thread;
				});
		this.executor.allowCoreThreadTimeOut(true);
		this.dropper = dropper;
	}

	/**
	 * Drop a clone in the background, or right here once {@link #awaitAll()} has begun.
	 * @param clone the clone's name
	 */
	void submit(String clone) {
		try {
			this.executor.execute(() -> drop(clone));
		}
		catch (RejectedExecutionException ex) {
			drop(clone);
		}
	}

	/**
	 * Take no more drops in the background and wait for those submitted.
	 */
	void awaitAll() {
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Clones still being dropped after %s; the next run drops what is left".formatted(MAX_WAIT));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void drop(String clone) {
		try {
			this.dropper.accept(clone);
		}
		catch (SchemaCloneException ex) {
			logger.warn(ex.getMessage() + "; the next run drops it");
		}
	}

}
