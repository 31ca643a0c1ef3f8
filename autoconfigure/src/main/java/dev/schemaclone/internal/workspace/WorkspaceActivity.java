package dev.schemaclone.internal.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.coordination.SchemaRegistry.BuildCost;
import dev.schemaclone.internal.workspace.RunSummary.Origin;
import dev.schemaclone.internal.workspace.RunSummary.TemplateUse;

/**
 * What one workspace did for the contexts of this process, counted as it happens: the
 * numbers of the summary at the end of a test run.
 */
final class WorkspaceActivity {

	private final Map<String, TemplateCount> templates = new ConcurrentHashMap<>();

	private final AtomicInteger clonesMade = new AtomicInteger();

	private final AtomicInteger recycled = new AtomicInteger();

	private final AtomicInteger warmClaimed = new AtomicInteger();

	private final AtomicInteger converted = new AtomicInteger();

	private final AtomicInteger prefetchHits = new AtomicInteger();

	private final AtomicInteger prefetchMisses = new AtomicInteger();

	private final AtomicInteger failedKept = new AtomicInteger();

	private final AtomicInteger refreshesRemade = new AtomicInteger();

	private final AtomicLong criticalNanos = new AtomicLong();

	private final List<Long> refreshMillis = new ArrayList<>();

	/**
	 * Count a template this process built, restored or found ready, the first time it is
	 * used.
	 * @param cost what its build from history took, {@code null} if an older schemaclone
	 * built it
	 * @param origin how this process came by it
	 */
	void templateUsed(String template, @Nullable BuildCost cost, Origin origin) {
		this.templates.computeIfAbsent(template, (name) -> new TemplateCount(cost)).made(origin);
	}

	/**
	 * Count a context filled from a template.
	 * @param hit whether its schema was filled before it asked
	 * @param prefetching whether spares are prepared at all
	 * @param nanos how long the context waited for its schema, reserving and filling it
	 */
	void contextFilled(String template, boolean hit, boolean prefetching, long nanos) {
		this.templates.computeIfAbsent(template, (name) -> new TemplateCount(null)).contexts.incrementAndGet();
		if (hit) {
			this.prefetchHits.incrementAndGet();
		}
		else if (prefetching) {
			this.prefetchMisses.incrementAndGet();
		}
		this.criticalNanos.addAndGet(nanos);
	}

	/**
	 * Count time a context waited for its schema before its migrations were known.
	 */
	void waited(long nanos) {
		this.criticalNanos.addAndGet(nanos);
	}

	void cloneMade() {
		this.clonesMade.incrementAndGet();
	}

	void recycled() {
		this.recycled.incrementAndGet();
	}

	void warmClaimed() {
		this.warmClaimed.incrementAndGet();
	}

	void converted() {
		this.converted.incrementAndGet();
	}

	void failedKept() {
		this.failedKept.incrementAndGet();
	}

	/**
	 * Count a refresh of a clone after tests.
	 * @param remade whether it made the clone again from the template
	 */
	synchronized void refreshed(long millis, boolean remade) {
		this.refreshMillis.add(millis);
		if (remade) {
			this.refreshesRemade.incrementAndGet();
		}
	}

	/**
	 * Return the numbers so far.
	 */
	synchronized RunSummary summary() {
		List<TemplateUse> uses = this.templates.entrySet()
			.stream()
			.map((entry) -> entry.getValue().use(entry.getKey()))
			.sorted((a, b) -> a.name().compareTo(b.name()))
			.toList();
		return new RunSummary(uses, this.clonesMade.get(), this.recycled.get(), this.warmClaimed.get(),
				this.converted.get(), this.prefetchHits.get(), this.prefetchMisses.get(),
				List.copyOf(this.refreshMillis), this.refreshesRemade.get(), this.failedKept.get(),
				this.criticalNanos.get() / 1_000_000);
	}

	/**
	 * One template's build and the contexts filled from it.
	 */
	private static final class TemplateCount {

		private final @Nullable BuildCost cost;

		private volatile Origin origin = Origin.FOUND;

		private final AtomicInteger contexts = new AtomicInteger();

		private TemplateCount(@Nullable BuildCost cost) {
			this.cost = cost;
		}

		/**
		 * Record how one thread came by the template: a thread that waited while another
		 * built or restored it found it ready, in either order.
		 */
		private synchronized void made(Origin origin) {
			if (origin != Origin.FOUND) {
				this.origin = origin;
			}
		}

		private TemplateUse use(String name) {
			return new TemplateUse(name, this.origin, (this.cost != null) ? this.cost.migrations() : -1,
					(this.cost != null) ? this.cost.millis() : -1, this.contexts.get());
		}

	}

}
