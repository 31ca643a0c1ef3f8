package dev.schemaclone.internal.workspace;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.copy.CloneReset;
import dev.schemaclone.internal.copy.CloneReset.Outcome;

/**
 * The refreshes of clones after tests, each back to a <em>baseline</em>: the state the
 * clone had when its context's first test began (its template's, unless the context wrote
 * while starting), or, nested inside that, when a test class began. A baseline that
 * equals the one below it shares that one's reset; one that differs is a copy of the
 * clone, made when it is taken and dropped when it ends. Each reset keeps its connection
 * and what it read of its source until the baseline or the clone goes.
 */
final class CloneRefreshes {

	private static final Log logger = LogFactory.getLog(CloneRefreshes.class);

	private final TemplateStates states;

	private final CloneMaker maker;

	private final OwnedClones clones;

	private final WorkspaceActivity activity;

	private final Map<String, Deque<Baseline>> baselines = new ConcurrentHashMap<>();

	CloneRefreshes(TemplateStates states, CloneMaker maker, OwnedClones clones, WorkspaceActivity activity) {
		this.states = states;
		this.maker = maker;
		this.clones = clones;
		this.activity = activity;
	}

	/**
	 * Take the clone's state now as the baseline its refreshes return to, until
	 * {@link #endBaseline} — the first one compared with the template's, later ones with
	 * the baseline below them, unless the caller knows nothing ran since the last reset.
	 * @param changedSinceReset whether anything may have written since the clone was last
	 * reset to the baseline below
	 */
	void beginBaseline(String clone, String template, boolean changedSinceReset) {
		Deque<Baseline> levels = this.baselines.computeIfAbsent(clone, (name) -> new ArrayDeque<>());
		synchronized (levels) {
			Baseline below = levels.peek();
			if (below == null) {
				CloneReset reset = this.states.resetOf(clone, template);
				if (reset.isPristine()) {
					levels.push(new Baseline(reset, true, null));
					return;
				}
				reset.close();
			}
			else if (!changedSinceReset || below.reset().isPristine()) {
				levels.push(new Baseline(below.reset(), false, null));
				return;
			}
			levels.push(copy(clone, below == null));
		}
	}

	private Baseline copy(String clone, boolean atStart) {
		long start = System.nanoTime();
		String copy = this.maker.copyOf(clone);
		try {
			Baseline baseline = new Baseline(this.states.resetTowardsCopy(clone, copy), true, copy);
			logger.info("Schema '%s' holds what %s: its refreshes return to '%s', a copy of that state (%d ms)"
				.formatted(clone, atStart ? "its context wrote while starting" : "a test class wrote before its tests",
						copy, Duration.ofNanos(System.nanoTime() - start).toMillis()));
			return baseline;
		}
		catch (RuntimeException ex) {
			this.clones.dropLater(copy);
			throw ex;
		}
	}

	/**
	 * Bring a clone back to its baseline, and count it; a clone without one goes back to
	 * its template.
	 */
	void refresh(String clone, String template, String test) {
		long start = System.nanoTime();
		Deque<Baseline> levels = this.baselines.computeIfAbsent(clone, (name) -> new ArrayDeque<>());
		Outcome outcome;
		synchronized (levels) {
			if (levels.isEmpty()) {
				levels.push(new Baseline(this.states.resetOf(clone, template), true, null));
			}
			outcome = levels.peek().reset().reset(test);
		}
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		this.activity.refreshed(millis, outcome == Outcome.REPLACED);
		logger.debug("Schema '%s' reset after %s in %d ms (%s)".formatted(clone, test, millis,
				outcome.name().toLowerCase()));
	}

	/**
	 * Let the clone's refreshes return to the baseline below the last one taken.
	 */
	void endBaseline(String clone) {
		Deque<Baseline> levels = this.baselines.get(clone);
		if (levels != null) {
			synchronized (levels) {
				Baseline top = levels.poll();
				if (top != null) {
					top.end(this.clones);
				}
			}
		}
	}

	/**
	 * End every baseline of a clone, once the clone goes.
	 */
	void end(String clone) {
		Deque<Baseline> levels = this.baselines.remove(clone);
		if (levels != null) {
			synchronized (levels) {
				levels.forEach((baseline) -> baseline.end(this.clones));
				levels.clear();
			}
		}
	}

	void endAll() {
		List.copyOf(this.baselines.keySet()).forEach(this::end);
	}

	/**
	 * One baseline of a clone.
	 *
	 * @param reset the reset back to it
	 * @param ownsReset whether the reset is this baseline's own, not shared with the one
	 * below
	 * @param copy the copy of the clone it is read from, or {@code null} when that is the
	 * template or the baseline below
	 */
	private record Baseline(CloneReset reset, boolean ownsReset, @Nullable String copy) {

		void end(OwnedClones clones) {
			if (this.ownsReset) {
				this.reset.close();
			}
			if (this.copy != null) {
				clones.dropLater(this.copy);
			}
		}

	}

}
