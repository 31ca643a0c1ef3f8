package dev.schemaclone.internal.workspace;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.schemaclone.internal.copy.CloneReset;
import dev.schemaclone.internal.copy.CloneReset.Outcome;

/**
 * The refreshes of clones after tests: one reset per clone, whose connection and what it read
 * of the template serve every refresh of that clone until the clone goes.
 */
final class CloneRefreshes {

	private static final Log logger = LogFactory.getLog(CloneRefreshes.class);

	private final TemplateStates states;

	private final WorkspaceActivity activity;

	private final Map<String, CloneReset> resets = new ConcurrentHashMap<>();

	CloneRefreshes(TemplateStates states, WorkspaceActivity activity) {
		this.states = states;
		this.activity = activity;
	}

	/**
	 * Bring a clone back to its template's state, and count it.
	 */
	void refresh(String clone, String template, String test) {
		long start = System.nanoTime();
		Outcome outcome = this.resets.computeIfAbsent(clone, (name) -> this.states.resetOf(name, template)).reset(test);
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		this.activity.refreshed(millis, outcome == Outcome.REPLACED);
		logger.debug("Schema '%s' reset after %s in %d ms (%s)".formatted(clone, test, millis,
				outcome.name().toLowerCase()));
	}

	/**
	 * Close what the refreshes of a clone kept open, once the clone goes.
	 */
	void end(String clone) {
		CloneReset reset = this.resets.remove(clone);
		if (reset != null) {
			reset.close();
		}
	}

	void endAll() {
		List.copyOf(this.resets.keySet()).forEach(this::end);
	}

}
