package dev.schemaclone.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.schemaclone.internal.server.DatabaseServer;

/**
 * The whole suite as users run it, every way side by side: 3 forks at once, each running
 * {@link SuiteClasses} (4 context configurations, 3 classes each, parallel classes)
 * through JUnit, the ways interleaved across repeats so that the machine's drift falls on
 * all of them alike.
 */
final class SuiteBenchmark {

	static final String PREFIX = "bench_suite";

	static final int FORKS = 3;

	private static final Map<String, String> MODES = new LinkedHashMap<>();

	static {
		MODES.put("floor", "no database setup: one shared pre-migrated schema, no Flyway, no schemaclone");
		MODES.put("floor with Flyway",
				"the floor with Flyway on: each context's Flyway finds the shared schema migrated; no schemaclone");
		MODES.put("naive", "each context migrates a schema of its own");
		MODES.put("cold", "schemaclone, new fingerprint: the template is built from history");
		MODES.put("warm rerun", "schemaclone again on the same server: the cold run's warm clones");
		MODES.put("fresh server with a snapshot",
				"every schemaclone schema and the registry dropped, the snapshot directory kept");
		MODES.put("refresh after each class", "warm, with `schemaclone.refresh=after-each-test-class`");
	}

	private final Benchmarks database;

	private final DatabaseServer server;

	private final Path logs;

	private final Path snapshots;

	private final Map<String, ForkLogs> results = new LinkedHashMap<>();

	/** Settings of schemaclone given to every way that uses it, {@code name=value}. */
	private final List<String> settings;

	SuiteBenchmark(Benchmarks database, DatabaseServer server, Path logs, List<String> settings) throws IOException {
		this.database = database;
		this.server = server;
		this.settings = settings;
		this.logs = Files.createDirectories(logs);
		this.snapshots = Files.createDirectories(logs.resolve("snapshots"));
		MODES.keySet().forEach((mode) -> this.results.put(mode, new ForkLogs()));
	}

	void run(GeneratedHistory history, int repeats, Consumer<String> line) throws Exception {
		this.database.migrateFloor(history);
		this.database.dropSchemasLike(PREFIX + "\\_%");
		Files.writeString(this.logs.resolve("suite.csv"), "way,repeat,wall_ms,history_runs%n".formatted());
		for (int repeat = 0; repeat < repeats; repeat++) {
			// A placeholder value no build used before: a new fingerprint.
			String run = Long.toString(System.currentTimeMillis(), 36);
			for (String mode : MODES.keySet()) {
				if (mode.startsWith("fresh server")) {
					this.database.dropSchemasLike(PREFIX + "\\_%");
				}
				int before = this.database.counted(history);
				String name = mode.replace(' ', '-') + "-" + repeat;
				double wall = Workers.launchAndWait(FORKS, options(mode, history, run),
						(fork) -> List.of("suite-worker", String.valueOf(fork)),
						(fork) -> this.logs.resolve(name + "-fork" + fork + ".log"));
				int historyRuns = this.database.counted(history) - before;
				this.results.get(mode).add(wall, historyRuns, this.logs, name + "-fork", FORKS);
				Files.writeString(this.logs.resolve("suite.csv"),
						"%s,%d,%.0f,%d%n".formatted(mode, repeat, wall, historyRuns), StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
				this.database.dropSchemasLike("bench\\_naive\\_%");
			}
		}
		this.database.dropSchemasLike(PREFIX + "\\_%");
		print(history, repeats, line);
	}

	private List<String> options(String mode, GeneratedHistory history, String run) {
		List<String> options = new ArrayList<>(List.of("-Dspring.flyway.locations=" + history.location(),
				"-Dspring.flyway.placeholder-replacement=false",
				"-Dspring.datasource.username=" + this.server.username(),
				"-Dspring.datasource.hikari.maximum-pool-size=4", "-Dspring.datasource.hikari.minimum-idle=1",
				"-Dlogging.level.dev.schemaclone=INFO", "-Dspring.main.banner-mode=off"));
		if (this.server.password() != null) {
			options.add("-Dspring.datasource.password=" + this.server.password());
		}
		switch (mode) {
			case "floor" -> options.addAll(List.of("-Dspring.datasource.url=" + url("bench_floor"),
					"-Dspring.flyway.enabled=false", "-Dschemaclone.enabled=false"));
			case "floor with Flyway" ->
				options.addAll(List.of("-Dspring.datasource.url=" + url("bench_floor"), "-Dschemaclone.enabled=false"));
			case "naive" -> options.addAll(List.of(
					"-Dspring.datasource.url=" + url("bench_naive_${bench.fork}_${bench.context}")
							+ (this.server.url().query().isEmpty() ? "?" : "&") + "createDatabaseIfNotExist=true",
					"-Dschemaclone.enabled=false"));
			default -> {
				options.addAll(List.of("-Dspring.datasource.url=" + url("bench_app"), "-Dschemaclone.prefix=" + PREFIX,
						"-Dspring.flyway.placeholders.benchmark-run=" + run, "-Dschemaclone.snapshot.enabled=true",
						"-Dschemaclone.snapshot.directory=" + this.snapshots));
				this.settings.forEach((setting) -> options.add("-D" + setting));
				if (mode.startsWith("refresh")) {
					options.add("-Dschemaclone.refresh=after-each-test-class");
				}
			}
		}
		return options;
	}

	private static String share(ForkLogs logs, double floor, double naive) {
		return "%.2f".formatted((logs.wall().median() - floor) / (naive - floor));
	}

	private String url(String schema) {
		return this.server.url().withDatabase(schema).toJdbcUrl();
	}

	private void print(GeneratedHistory history, int repeats, Consumer<String> line) {
		double floor = this.results.get("floor").wall().median();
		double naive = this.results.get("naive").wall().median();
		line.accept(
				"%d forks at once, %d contexts per fork, %d test classes per fork (parallel classes), %s, repeats: %d"
					.formatted(FORKS, SuiteClasses.CONTEXTS, SuiteClasses.inOrder().size(), history.label(), repeats));
		line.accept("");
		double flyway = this.results.get("floor with Flyway").wall().median();
		line.accept(
				"| way | what it is | wall time | share | share over the floor with Flyway | history runs per run |");
		line.accept("|---|---|---|---|---|---|");
		this.results
			.forEach((mode, logs) -> line.accept("| %s | %s | %s | %s | %s | %s |".formatted(mode, MODES.get(mode),
					logs.wall(), share(logs, floor, naive), share(logs, flyway, naive), logs.historyRuns(repeats))));
		line.accept("");
		line.accept("Share = (way − floor) / (naive − floor), of the medians; over the floor with Flyway, the same with"
				+ " that floor, which every way with Flyway pays. Per context, from the forks' output"
				+ " (medians, with min–max; counts per run of all forks):");
		line.accept("");
		line.accept(
				"| way | first context of a JVM | later contexts | a JVM's contexts waited for their schemas, in all | schema ready for its context | clones copied / recycled / claimed warm | claim of a warm clone | templates built | a JVM's end after its tests |");
		line.accept("|---|---|---|---|---|---|---|---|---|");
		this.results.forEach((mode, logs) -> line.accept(logs.perContextRow(mode, repeats)));
	}

}
