package dev.schemaclone.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.schemaclone.internal.server.DatabaseServer;

/**
 * Contexts that close before the next starts ({@code @DirtiesContext}): with recycling,
 * the next context takes the reset clone of the one before; without, it gets a clone of
 * its own. Per new context, the time over a floor that sets nothing up: from the wall
 * time, which counts each JVM's first context (its first clone, its workspace), and from
 * the cycle (start, work, close) of the contexts after the first, which is what a
 * {@code @DirtiesContext} costs.
 */
final class ClosingBenchmark {

	static final String CYCLE_MARKER = "[benchmark] context cycle in ";

	static final String FLYWAY_MARKER = "[benchmark] Flyway bean in ";

	private static final List<String> MODES = List.of("closing-floor", "closing-floor-flyway", "closing-clone",
			"closing");

	private final Benchmarks database;

	private final String url;

	private final Path logs;

	private final int contexts;

	/**
	 * @param contexts how many contexts each fork starts and closes
	 */
	ClosingBenchmark(Benchmarks database, String url, Path logs, int contexts) throws IOException {
		this.database = database;
		this.url = url;
		this.logs = Files.createDirectories(logs);
		this.contexts = contexts;
	}

	void run(GeneratedHistory history, int repeats, Consumer<String> line) throws Exception {
		this.database.migrateFloor(history);
		// Builds the template first: this measures new contexts, not the build.
		Workers.launchAndWait(1, List.of(), (fork) -> arguments("closing", history, 1, fork),
				(fork) -> this.logs.resolve("closing-template.log"));
		forgetClones();
		Map<String, ForkLogs> results = new LinkedHashMap<>();
		MODES.forEach((mode) -> results.put(mode, new ForkLogs()));
		for (int i = 0; i < repeats; i++) {
			for (String mode : MODES) {
				String name = mode + "-" + i + "-fork";
				double wall = Workers.launchAndWait(SuiteBenchmark.FORKS,
						List.of("-Dlogging.level.dev.schemaclone=INFO"),
						(fork) -> arguments(mode, history, this.contexts, fork),
						(fork) -> this.logs.resolve(name + fork + ".log"));
				results.get(mode).add(wall, 0, this.logs, name, SuiteBenchmark.FORKS);
				forgetClones();
			}
		}
		double floor = results.get("closing-floor").wall().median();
		double floorCycle = results.get("closing-floor").laterCycles().median();
		double flywayCycle = results.get("closing-floor-flyway").laterCycles().median();
		line.accept(
				"| way | wall time | wall per context over the floor | cycle of a later context | over the floor's | over the floor with Flyway's | context start, after the first | Flyway bean, after the first | schema ready for its context |");
		line.accept("|---|---|---|---|---|---|---|---|---|");
		results.forEach((mode,
				logs) -> line.accept("| %s | %s | %s | %s | %s | %s | %s | %s | %s |".formatted(mode, logs.wall(),
						Timings.format((logs.wall().median() - floor) / this.contexts), logs.laterCycles(),
						Timings.format(logs.laterCycles().median() - floorCycle),
						Timings.format(logs.laterCycles().median() - flywayCycle), logs.laterContexts(),
						logs.laterFlywayBeans(), logs.ready())));
		line.accept("");
		line.accept("clone per context / recycling, per later context over the floor's: **%.1f×**"
			.formatted((results.get("closing-clone").laterCycles().median() - floorCycle)
					/ (results.get("closing").laterCycles().median() - floorCycle)));
	}

	private List<String> arguments(String mode, GeneratedHistory history, int contexts, int fork) {
		return List.of("closing-worker", mode, this.url, history.location(), String.valueOf(contexts),
				String.valueOf(fork));
	}

	/**
	 * Drop the clones a run left and their registry rows, so that each run starts from
	 * the template alone.
	 */
	private void forgetClones() {
		this.database.dropSchemasLike(SuiteBenchmark.PREFIX + "\\_c\\_%");
		this.database.execute("DELETE FROM " + SuiteBenchmark.PREFIX
				+ "_registry.owned_schema WHERE state = 'CLONE' OR state = 'WARM'");
	}

	/**
	 * One fork, a child JVM:
	 * {@code closing-worker closing-floor|closing-floor-flyway|closing|closing-clone url location contexts fork}.
	 * Each context stands for a test class with {@code @DirtiesContext}: it starts, does
	 * a little work, and closes before the next starts.
	 */
	static void fork(String[] args) {
		String mode = args[1];
		DatabaseServer server = DatabaseServer.fromUrlWithCredentials(args[2]);
		for (int k = 0; k < Integer.parseInt(args[4]); k++) {
			long start = System.nanoTime();
			List<String> properties = new ArrayList<>(List.of("--bench.context=" + k,
					"--spring.flyway.locations=" + args[3], "--spring.flyway.placeholder-replacement=false",
					"--spring.datasource.username=" + server.username(),
					"--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.minimum-idle=1"));
			if (server.password() != null) {
				properties.add("--spring.datasource.password=" + server.password());
			}
			if (mode.startsWith("closing-floor")) {
				properties.addAll(List.of("--spring.datasource.url=" + server.urlOf("bench_floor").toJdbcUrl(),
						"--schemaclone.enabled=false"));
				if (mode.equals("closing-floor")) {
					properties.add("--spring.flyway.enabled=false");
				}
			}
			else {
				properties.addAll(List.of("--spring.datasource.url=" + server.urlOf("bench_app").toJdbcUrl(),
						"--schemaclone.prefix=" + SuiteBenchmark.PREFIX));
			}
			if (mode.equals("closing-clone")) {
				// A closed context's clone is not reused: the next context gets a clone
				// of
				// its own (kept, not dropped: the harness drops it).
				properties.add("--schemaclone.keep-clones=true");
			}
			BufferingApplicationStartup startup = new BufferingApplicationStartup(10_000);
			ConfigurableApplicationContext context = new SpringApplicationBuilder(SuiteApplication.class)
				.web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.applicationStartup(startup)
				.run(properties.toArray(String[]::new));
			printFlywayBean(startup);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			for (int i = 0; i < 20; i++) {
				jdbc.update("INSERT INTO t1 (name) VALUES (?)", "row " + i);
				jdbc.queryForObject("SELECT COUNT(*) FROM t1", Integer.class);
			}
			context.close();
			System.out.println(CYCLE_MARKER + (System.nanoTime() - start) / 1_000_000 + " ms");
		}
	}

	/**
	 * Print how long the context's {@code Flyway} bean took to create and initialize:
	 * with schemaclone, that includes filling the context's clone, which its
	 * post-processor does before the bean's initialization.
	 */
	private static void printFlywayBean(BufferingApplicationStartup startup) {
		for (TimelineEvent event : startup.getBufferedTimeline().getEvents()) {
			StartupStep step = event.getStartupStep();
			if (step.getName().equals("spring.beans.instantiate")) {
				for (StartupStep.Tag tag : step.getTags()) {
					if (tag.getKey().equals("beanName") && tag.getValue().equals("flyway")) {
						System.out.println(FLYWAY_MARKER + event.getDuration().toMillis() + " ms");
					}
				}
			}
		}
	}

}
