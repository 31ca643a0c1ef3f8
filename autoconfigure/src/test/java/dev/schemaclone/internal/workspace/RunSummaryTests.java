package dev.schemaclone.internal.workspace;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.schemaclone.internal.workspace.RunSummary.Origin;
import dev.schemaclone.internal.workspace.RunSummary.TemplateUse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lines and JSON a run's summary reads as.
 */
class RunSummaryTests {

	@Test
	void linesSayWhatWasDoneAndSaved() {
		RunSummary summary = new RunSummary(
				List.of(new TemplateUse("sc_tpl_a", Origin.BUILT, 16, 700, 3),
						new TemplateUse("sc_tpl_b", Origin.FOUND, -1, -1, 1)),
				2, 1, 1, 1, 2, 1, List.of(40L, 10L, 20L), 1, 1, 500);
		assertThat(summary.lines()).containsExactly(
				"schemaclone in this test JVM: 4 context(s) waited 500 ms in all for their schemas",
				"  template 'sc_tpl_a' built (16 migrations, 700 ms): 3 context(s)",
				"  template 'sc_tpl_b' found ready (build time unknown): 1 context(s)",
				"  clones: 2 copied, 1 recycled, 1 claimed warm, 1 converted from another template; prefetch: 2 hit(s), 1 miss(es)",
				"  refreshes: 3 (median 20 ms, 1 made again from the template); failed tests' schemas kept: 1",
				"  each context migrating its own schema: about 2100 ms (build time x contexts of templates whose build time is known), 1600 ms saved");
	}

	@Test
	void templateRestoredFromASnapshotSaysSo() {
		RunSummary summary = new RunSummary(List.of(new TemplateUse("sc_tpl_a", Origin.RESTORED, 16, 700, 2)), 2, 0, 0,
				0, 0, 0, List.of(), 0, 0, 90);
		assertThat(summary.lines())
			.contains("  template 'sc_tpl_a' restored from a snapshot (16 migrations, 700 ms): 2 context(s)");
		assertThat(summary.toJson("1")).contains("\"built\":false,\"restored\":true");
	}

	@Test
	void manyTemplatesStillTakeTenLinesAtMost() {
		List<TemplateUse> templates = IntStream.range(0, 12)
			.mapToObj((i) -> new TemplateUse("sc_tpl_" + i, Origin.BUILT, 1, 10, 1))
			.toList();
		RunSummary summary = new RunSummary(templates, 12, 0, 0, 0, 0, 0, List.of(), 0, 0, 120);
		assertThat(summary.lines()).hasSizeLessThanOrEqualTo(10).contains("  and 8 more template(s)");
	}

	@Test
	void workspacesAddUp() {
		RunSummary one = new RunSummary(List.of(new TemplateUse("sc_tpl_a", Origin.BUILT, 1, 100, 2)), 2, 0, 0, 0, 0, 0,
				List.of(5L), 0, 0, 50);
		RunSummary two = new RunSummary(List.of(new TemplateUse("sc2_tpl_a", Origin.RESTORED, 1, 300, 1)), 0, 1, 1, 1,
				1, 0, List.of(7L), 1, 1, 20);
		RunSummary sum = RunSummary.empty().plus(one).plus(two);
		assertThat(sum.contexts()).isEqualTo(3);
		assertThat(sum.eachContextMigratingMillis()).isEqualTo(500);
		assertThat(sum.criticalMillis()).isEqualTo(70);
		assertThat(sum.refreshMillis()).containsExactly(5L, 7L);
		assertThat(RunSummary.empty().isEmpty()).isTrue();
		assertThat(sum.isEmpty()).isFalse();
	}

	@Test
	void jsonCarriesEveryNumber() {
		RunSummary summary = new RunSummary(List.of(new TemplateUse("sc_tpl_a", Origin.BUILT, 16, 700, 3)), 2, 1, 0, 1,
				2, 0, List.of(30L), 0, 0, 400);
		assertThat(summary.toJson("123")).isEqualTo("{\"jvm\":\"123\",\"contexts\":3,\"criticalPathMillis\":400,"
				+ "\"templates\":[{\"name\":\"sc_tpl_a\",\"built\":true,\"restored\":false,\"migrations\":16,\"buildMillis\":700,\"contexts\":3}],"
				+ "\"clonesMade\":2,\"recycled\":1,\"warmClaimed\":0,\"converted\":1,\"prefetchHits\":2,\"prefetchMisses\":0,\"refreshes\":1,"
				+ "\"refreshMedianMillis\":30,\"refreshesRemade\":0,\"failedKept\":0,\"eachContextMigratingMillis\":2100}\n");
	}

}
