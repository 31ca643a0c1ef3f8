package dev.schemaclone.internal.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What schemaclone did in one test run of a process, and what it saved: what a developer
 * reads at the end of the run, and a CI dashboard as JSON.
 *
 * @param templates the templates built or found, and how many contexts each filled
 * @param clonesMade clones copied from a template
 * @param recycled clones of closed contexts reset for the next context
 * @param warmClaimed clones an earlier process left warm and this one claimed
 * @param converted clones of another template, warm or guessed, turned into clones of the
 * template their context needed by making again only what differs
 * @param prefetchHits contexts whose schema was filled before they asked
 * @param prefetchMisses contexts that waited for a copy although spares were prepared
 * @param refreshMillis how long each refresh of a clone after tests took
 * @param refreshesRemade refreshes that made the clone again from the template: the tests
 * changed its objects or left a transaction open
 * @param failedKept copies kept of the clones failed tests left
 * @param criticalMillis how long contexts waited for their schemas while starting
 */
public record RunSummary(List<TemplateUse> templates, int clonesMade, int recycled, int warmClaimed, int converted,
		int prefetchHits, int prefetchMisses, List<Long> refreshMillis, int refreshesRemade, int failedKept,
		long criticalMillis) {

	/** Templates named one per line; the rest are counted. */
	private static final int TEMPLATE_LINES = 4;

	/**
	 * Return a summary of nothing.
	 * @return the empty summary
	 */
	static RunSummary empty() {
		return new RunSummary(List.of(), 0, 0, 0, 0, 0, 0, List.of(), 0, 0, 0);
	}

	/**
	 * Return this summary and another added up, as for two workspaces of one process.
	 * @param other the other summary
	 * @return the sum
	 */
	RunSummary plus(RunSummary other) {
		return new RunSummary(Stream.concat(this.templates.stream(), other.templates.stream()).toList(),
				this.clonesMade + other.clonesMade, this.recycled + other.recycled,
				this.warmClaimed + other.warmClaimed, this.converted + other.converted,
				this.prefetchHits + other.prefetchHits, this.prefetchMisses + other.prefetchMisses,
				Stream.concat(this.refreshMillis.stream(), other.refreshMillis.stream()).toList(),
				this.refreshesRemade + other.refreshesRemade, this.failedKept + other.failedKept,
				this.criticalMillis + other.criticalMillis);
	}

	/**
	 * Return whether nothing was done: no template used, no clone made or claimed.
	 * @return whether the summary is empty
	 */
	public boolean isEmpty() {
		return this.templates.isEmpty() && this.clonesMade == 0 && this.warmClaimed == 0 && this.converted == 0
				&& this.failedKept == 0;
	}

	/**
	 * Return how many contexts got a schema.
	 * @return the number of contexts
	 */
	public int contexts() {
		return this.templates.stream().mapToInt(TemplateUse::contexts).sum();
	}

	/**
	 * Return the median time of a refresh.
	 * @return the median in milliseconds, 0 when nothing was refreshed
	 */
	long refreshMedianMillis() {
		List<Long> sorted = this.refreshMillis.stream().sorted().toList();
		return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
	}

	/**
	 * Return about what the same contexts would have waited if each had migrated a schema
	 * of its own: each template's build time once per context it filled. Templates whose
	 * build time is unknown count nothing.
	 * @return the estimate in milliseconds
	 */
	long eachContextMigratingMillis() {
		return this.templates.stream()
			.filter((template) -> template.buildMillis() >= 0)
			.mapToLong((template) -> template.buildMillis() * template.contexts())
			.sum();
	}

	/**
	 * Return the summary as at most ten lines for the log.
	 * @return the lines
	 */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add("schemaclone in this test JVM: %d context(s) waited %d ms in all for their schemas"
			.formatted(contexts(), this.criticalMillis));
		this.templates.stream().limit(TEMPLATE_LINES).map(TemplateUse::describe).map("  "::concat).forEach(lines::add);
		if (this.templates.size() > TEMPLATE_LINES) {
			lines.add("  and %d more template(s)".formatted(this.templates.size() - TEMPLATE_LINES));
		}
		lines.add(
				"  clones: %d copied, %d recycled, %d claimed warm, %d converted from another template; prefetch: %d hit(s), %d miss(es)"
					.formatted(this.clonesMade, this.recycled, this.warmClaimed, this.converted, this.prefetchHits,
							this.prefetchMisses));
		lines.add("  refreshes: %d (median %d ms, %d made again from the template); failed tests' schemas kept: %d"
			.formatted(this.refreshMillis.size(), refreshMedianMillis(), this.refreshesRemade, this.failedKept));
		boolean allKnown = this.templates.stream().allMatch((template) -> template.buildMillis() >= 0);
		if (this.templates.stream().noneMatch((template) -> template.buildMillis() >= 0)) {
			lines.add("  each context migrating its own schema: unknown (templates built by an older schemaclone)");
		}
		else {
			lines.add("  each context migrating its own schema: about %d ms (build time x contexts%s), %d ms saved"
				.formatted(eachContextMigratingMillis(), allKnown ? "" : " of templates whose build time is known",
						eachContextMigratingMillis() - this.criticalMillis));
		}
		return lines;
	}

	/**
	 * Return the summary as a JSON object.
	 * @param jvm what tells this process from the other test processes of the build
	 * @return the JSON text
	 */
	public String toJson(String jvm) {
		String templates = this.templates.stream().map(TemplateUse::toJson).collect(Collectors.joining(",", "[", "]"));
		return ("{\"jvm\":\"%s\",\"contexts\":%d,\"criticalPathMillis\":%d,\"templates\":%s,\"clonesMade\":%d,"
				+ "\"recycled\":%d,\"warmClaimed\":%d,\"converted\":%d,\"prefetchHits\":%d,\"prefetchMisses\":%d,\"refreshes\":%d,"
				+ "\"refreshMedianMillis\":%d,\"refreshesRemade\":%d,\"failedKept\":%d,\"eachContextMigratingMillis\":%d}\n")
			.formatted(jvm, contexts(), this.criticalMillis, templates, this.clonesMade, this.recycled,
					this.warmClaimed, this.converted, this.prefetchHits, this.prefetchMisses, this.refreshMillis.size(),
					refreshMedianMillis(), this.refreshesRemade, this.failedKept, eachContextMigratingMillis());
	}

	/**
	 * How a process came by a template.
	 */
	public enum Origin {

		/** It ran the migrations. */
		BUILT("built"),

		/** It restored the template from a snapshot, running no migration. */
		RESTORED("restored from a snapshot"),

		/** Another process had made it ready. */
		FOUND("found ready");

		private final String description;

		Origin(String description) {
			this.description = description;
		}

	}

	/**
	 * One template and its use by this process.
	 *
	 * @param name the template's schema name
	 * @param origin how this process came by it
	 * @param migrations how many migrations built it, -1 if unknown
	 * @param buildMillis how long its build from history took, -1 if unknown
	 * @param contexts how many contexts of this process it filled
	 */
	public record TemplateUse(String name, Origin origin, int migrations, long buildMillis, int contexts) {

		String describe() {
			String cost = (this.buildMillis >= 0) ? "%d migrations, %d ms".formatted(this.migrations, this.buildMillis)
					: "build time unknown";
			return "template '%s' %s (%s): %d context(s)".formatted(this.name, this.origin.description, cost,
					this.contexts);
		}

		String toJson() {
			return ("{\"name\":\"%s\",\"built\":%b,\"restored\":%b,\"migrations\":%d,\"buildMillis\":%d,"
					+ "\"contexts\":%d}")
				.formatted(this.name, this.origin == Origin.BUILT, this.origin == Origin.RESTORED, this.migrations,
						this.buildMillis, this.contexts);
		}

	}

}
