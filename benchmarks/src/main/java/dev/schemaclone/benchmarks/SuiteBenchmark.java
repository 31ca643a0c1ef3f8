package dev.schemaclone.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

	private static final String FIRST_BUILD = "cold on an empty server";

	private static final String CHANGED = "cold after a migration was added";

	/**
	 * The ways that run the history without the migration added after the first build.
	 */
	private static final Set<String> HISTORY_ALONE = Set.of("floor", "floor with Flyway", "naive", FIRST_BUILD);

	private static final Map<String, String> MODES = new LinkedHashMap<>();

	static {
		MODES.put("floor", "no database setup: one shared pre-migrated schema, no Flyway, no schemaclone");
		MODES.put("floor with Flyway",
				"the floor with Flyway on: each context's Flyway finds the shared schema migrated; no schemaclone");
		MODES.put("naive", "each context migrates a schema of its own");
		MODES.put(FIRST_BUILD,
				"schemaclone on a server without its schemas and without a snapshot: the template is built from history, every context copies it");
		MODES.put(CHANGED,
				"schemaclone after a migration was added: the template is built from history, the build before's warm clones converted");
		MODES.put("warm rerun", "schemaclone again on the same server: the warm clones of the build before");
		MODES.put("fresh server with a snapshot",
				"every schemaclone schema and the registry dropped, the snapshot directory kept");
		MODES.put("refresh after each class", "warm, with `schemaclone.refresh=after-each-test-class`");
	}

	private final Benchmarks database;

	private final DatabaseServer server;

	private final Path logs;

	private final Path snapshots;

	private final Map<String, ForkLogs> results = new LinkedHashMap<>();

	/** Where the migration added after the first build lives, once written. */
	private String added = "";

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
		this.added = addedMigration(history);
		this.database.dropSchemasLike(PREFIX + "\\_%");
		Files.writeString(this.logs.resolve("suite.csv"), "way,repeat,wall_ms,history_runs%n".formatted());
		for (int repeat = 0; repeat < repeats; repeat++) {
			// A placeholder value no build used before: a new fingerprint.
			String run = Long.toString(System.currentTimeMillis(), 36);
			for (String mode : MODES.keySet()) {
				if (mode.startsWith("fresh server") || mode.equals(FIRST_BUILD)) {
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

	/**
	 * Write the migration a developer adds between two builds, after the history: a
	 * column on one table, a reference row in another, a new table.
	 */
	private String addedMigration(GeneratedHistory history) throws IOException {
		Path folder = Files.createDirectories(this.logs.resolve("added"));
		Files.writeString(folder.resolve("V" + (history.migrations() + 1) + "__added.sql"), """
				ALTER TABLE t7 ADD COLUMN added_later VARCHAR(40) NULL;
				INSERT INTO t12 (name, code, amount) VALUES ('added later', 'LATER', 1);
				CREATE TABLE added_later (
				  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
				  t3_id BIGINT NULL,
				  CONSTRAINT fk_added_later_t3 FOREIGN KEY (t3_id) REFERENCES t3 (id)
				) ENGINE=InnoDB;
				""");
		return "filesystem:" + folder;
	}

	private List<String> options(String mode, GeneratedHistory history, String run) {
		String locations = history.location() + (HISTORY_ALONE.contains(mode) ? "" : "," + this.added);
		List<String> options = new ArrayList<>(
				List.of("-Dspring.flyway.locations=" + locations, "-Dspring.flyway.placeholder-replacement=false",
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
				"| way | first context of a JVM | later contexts | a JVM's contexts waited for their schemas, in all | schema ready for its context | clones copied / recycled / claimed warm / converted | claim of a warm clone | templates built | a JVM's end after its tests |");
		line.accept("|---|---|---|---|---|---|---|---|---|");
		this.results.forEach((mode, logs) -> line.accept(logs.perContextRow(mode, repeats)));
	}

}
