package dev.schemaclone.internal.workspace;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.coordination.SchemaRegistry.Entry;
import dev.schemaclone.internal.workspace.TemplateRetention.Expired;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateRetentionTests {

	private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

	@Test
	void eachApplicationKeepsItsMostRecentlyUsedTemplates() {
		List<Entry> entries = List.of(template("a1", "app_a", 1), template("a2", "app_a", 2),
				template("a3", "app_a", 3), template("a4", "app_a", 4), template("b1", "app_b", 50),
				template("c1", "app_c", 60), template("d1", "app_d", 70), clone("a4"));
		assertThat(names(TemplateRetention.expired(entries, Timestamp.from(NOW), Set.of()))).containsExactly("a4");
	}

	@Test
	void aTemplateUnusedPastTheBoundGoesUnlessInUse() {
		long idleHours = TemplateRetention.MAX_IDLE.toHours() + 1;
		List<Entry> entries = List.of(template("fresh", "app_a", 1), template("stale", "app_b", idleHours),
				template("stale_in_use", "app_c", idleHours));
		List<Expired> expired = TemplateRetention.expired(entries, Timestamp.from(NOW), Set.of("stale_in_use"));
		assertThat(names(expired)).containsExactly("stale");
		assertThat(expired.get(0).reason()).isEqualTo("unused for 7 days");
	}

	@Test
	void theTotalIsBoundedWhateverTheNumberOfApplications() {
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < TemplateRetention.MAX_TEMPLATES + 3; i++) {
			entries.add(template("t" + i, "app_" + i, i));
		}
		List<Expired> expired = TemplateRetention.expired(entries, Timestamp.from(NOW), Set.of());
		assertThat(names(expired)).containsExactly("t32", "t33", "t34");
		assertThat(expired.get(0).reason()).isEqualTo("beyond the 32 most recently used templates");
	}

	@Test
	void templatesBuiltBeforeLineagesCountAsOneLineageAndBuildingOnesAreLeftAlone() {
		List<Entry> entries = List.of(template("old1", null, 1), template("old2", null, 2), template("old3", null, 3),
				template("old4", null, 4), new Entry("building", SchemaRegistry.BUILDING, "owner", "f", null, at(100),
						null, "app_x", at(100), null));
		assertThat(names(TemplateRetention.expired(entries, Timestamp.from(NOW), Set.of()))).containsExactly("old4");
	}

	private static Entry template(String name, String lineage, long hoursAgo) {
		return new Entry(name, SchemaRegistry.READY, "owner", "fingerprint", null, at(hoursAgo), null, lineage,
				at(hoursAgo), null);
	}

	private static Entry clone(String template) {
		return new Entry("clone", SchemaRegistry.CLONE, "owner", "", null, at(0), template, null, at(0), null);
	}

	private static Timestamp at(long hoursAgo) {
		return Timestamp.from(NOW.minus(Duration.ofHours(hoursAgo)));
	}

	private static List<String> names(List<Expired> expired) {
		return expired.stream().map((entry) -> entry.template().name()).toList();
	}

}
