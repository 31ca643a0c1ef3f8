package dev.schemaclone.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.util.FileSystemUtils;

import dev.schemaclone.internal.migration.MigrationFingerprint;
import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.workspace.BenchmarkWorkspace;
import dev.schemaclone.internal.workspace.WorkspaceSettings;

/**
 * Runs every measurement of docs/benchmarks.md side by side in one run and prints the
 * tables. Usage:
 * {@code java -jar schemaclone-benchmarks.jar [--url URL] [--runs N] [--ranger DIR] [--quick]
 * [--logs DIR] [--parts histories,reset,liquibase,herd,suite,closing]}, or
 * {@code --parts settings [--directory DIR]} alone for {@link ServerSettingsBenchmark}.
 */
public final class Benchmarks {

	private final DatabaseServer server;

	private final String url;

	private final int runs;

	private final StringBuilder report = new StringBuilder();

	Benchmarks(String url, int runs) {
		this.url = url;
		this.server = DatabaseServer.fromUrlWithCredentials(url);
		this.runs = runs;
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("herd-worker")) {
			Workers.herd(args);
			return;
		}
		if (args.length > 0 && args[0].equals("suite-worker")) {
			System.setProperty("bench.fork", args[1]);
			SuiteFork.run();
			return;
		}
		if (args.length > 0 && args[0].equals("closing-worker")) {
			ClosingBenchmark.fork(args);
			return;
		}
		Map<String, String> options = options(args);
		String url = options.getOrDefault("url",
				System.getenv().getOrDefault("SCHEMACLONE_TEST_URL", "jdbc:mysql://127.0.0.1:3306/?user=root"));
		boolean quick = options.containsKey("quick");
		Benchmarks benchmarks = new Benchmarks(url, Integer.parseInt(options.getOrDefault("runs", quick ? "3" : "5")));
		Path work = Files.createTempDirectory("schemaclone-bench");
		List<GeneratedHistory> histories = new ArrayList<>();
		for (int[] size : quick ? new int[][] { { 50, 20 }, { 200, 120 } }
				: new int[][] { { 50, 20 }, { 200, 120 }, { 600, 300 } }) {
			histories.add(GeneratedHistory.write(size[0], size[1], work));
		}
		if (options.getOrDefault("parts", "").equals("settings")) {
			try {
				ServerSettingsBenchmark.run(histories.get(1), benchmarks.runs,
						Path.of(options.getOrDefault("directory", "/dev/shm")));
			}
			finally {
				FileSystemUtils.deleteRecursively(work);
			}
			return;
		}
		Path ranger = Path.of(options.getOrDefault("ranger", "../shared/corpora/apache-ranger-mysql/migrations"));
		try {
			benchmarks.run(args, histories, Files.isDirectory(ranger) ? ranger.toAbsolutePath().normalize() : null,
					quick,
					List.of(options.getOrDefault("parts", "histories,reset,liquibase,herd,suite,closing").split(",")),
					Path.of(options.getOrDefault("logs", work.resolve("logs").toString())),
					Integer.parseInt(options.getOrDefault("repeats", quick ? "1" : "3")),
					Arrays.stream(options.getOrDefault("set", "").split(",")).filter((set) -> !set.isBlank()).toList());
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	private void run(String[] args, List<GeneratedHistory> histories, Path ranger, boolean quick, List<String> parts,
			Path logs, int repeats, List<String> settings) throws Exception {
		prepare();
		line("## Machine and server");
		line("");
		Machine.describe(this.server, this.runs, args).forEach(this::line);
		if (parts.contains("histories")) {
			line("");
			line("## Per history: migrate, clone, server floor, context wait");
			line("");
			line(historyHeader("history"));
			for (GeneratedHistory history : histories) {
				perHistory(history.label(), history.location(), history.tables());
			}
			if (ranger != null) {
				perHistory("Apache Ranger, 71 migrations / 90 tables", "filesystem:" + ranger, 90);
			}
		}
		if (parts.contains("reset")) {
			line("");
			line("## Reset after a test (schemaclone.refresh), by what the test wrote");
			line("");
			line(ResetBenchmark.header());
			ResetBenchmark resets = new ResetBenchmark(this.server, this.runs);
			for (GeneratedHistory history : histories) {
				line(resets.row(history));
			}
		}
		if (parts.contains("liquibase")) {
			line("");
			line("## Liquibase: update of the whole change log against a clone of its template");
			line("");
			line(LiquibaseBenchmark.header());
			LiquibaseBenchmark liquibase = new LiquibaseBenchmark(this.server, this.runs);
			for (GeneratedHistory history : histories.subList(0, 2)) {
				line(liquibase.row(history));
			}
		}
		GeneratedHistory herdHistory = histories.get(1);
		if (parts.contains("herd")) {
			line("");
			line("## Thundering herd: 8 JVMs at once, each needing the schema (" + herdHistory.label() + ")");
			line("");
			herd(herdHistory, repeats);
		}
		if (parts.contains("suite")) {
			line("");
			line("## Whole suite: 3 forks × 4 contexts, parallel classes (" + herdHistory.label() + ")");
			line("");
			new SuiteBenchmark(this, this.server, logs, settings).run(herdHistory, repeats, this::line);
		}
		if (parts.contains("closing")) {
			int contexts = quick ? 4 : 12;
			line("");
			line("## Closing contexts: 3 forks × %d contexts, each closed before the next (%s)".formatted(contexts,
					herdHistory.label()));
			line("");
			new ClosingBenchmark(this, this.url, logs, contexts).run(herdHistory, repeats, this::line);
		}
		dropSchemasLike("bench\\_%");
		System.out.println();
		System.out.println(this.report);
	}

	/**
	 * Create the table the generated histories count their runs in; drop what a run left.
	 */
	void prepare() {
		execute("CREATE DATABASE IF NOT EXISTS " + GeneratedHistory.COUNTER_SCHEMA, "CREATE TABLE IF NOT EXISTS "
				+ GeneratedHistory.COUNTER_SCHEMA + ".runs (history VARCHAR(32) NOT NULL)");
		dropSchemasLike("bench\\_%");
	}

	void perHistory(String label, String location, int tables) {
		FluentConfiguration flyway = Flyway.configure().locations(location).placeholderReplacement(false);
		int[] sequence = { 0 };
		Timings migrate = Timings.of(this.runs, () -> {
			String schema = "bench_mig_" + sequence[0]++;
			Flyway.configure()
				.configuration(flyway)
				.dataSource(this.server.url().toJdbcUrl(), this.server.username(), this.server.password())
				.createSchemas(true)
				.defaultSchema(schema)
				.schemas(schema)
				.load()
				.migrate();
			execute("DROP DATABASE " + schema);
		});
		Timings floor = Timings.of(this.runs, () -> floor(tables));
		try (BenchmarkWorkspace plain = open("bench_clone", 0, WorkspaceSettings.DEFAULT_CLONE_CONNECTIONS);
				BenchmarkWorkspace serial = open("bench_serial", 0, 1);
				BenchmarkWorkspace prefetching = open("bench_pref", 1, WorkspaceSettings.DEFAULT_CLONE_CONNECTIONS)) {
			String template = plain.template(new FlywayMigrationSet(flyway));
			// Each workspace clones the template its own registry records.
			Timings serialClone = cloneTimings(serial, serial.template(new FlywayMigrationSet(flyway)));
			Timings clone = cloneTimings(plain, template);
			Timings fingerprint = Timings.of(this.runs, () -> new FlywayMigrationSet(flyway).fingerprint());
			String probe = plain.createClone(template);
			Timings noOp = Timings.of(this.runs, () -> Flyway.configure()
				.configuration(flyway)
				.dataSource(this.server.urlOf(probe).toJdbcUrl(), this.server.username(), this.server.password())
				.load()
				.migrate());
			Timings waitPlain = contextWaits(plain, flyway);
			prefetching.template(new FlywayMigrationSet(flyway));
			Timings waitPrefetch = contextWaits(prefetching, flyway);
			line("| %s | %s | %s | %s | %s | %.2f | %.1f× | %s | %s | %s | %s |".formatted(label, migrate, serialClone,
					clone, floor, clone.median() / floor.median(), migrate.median() / clone.median(), waitPlain,
					waitPrefetch, fingerprint, noOp));
			plain.endClones();
			prefetching.endClones();
		}
		dropSchemasLike("bench\\_clone\\_%");
		dropSchemasLike("bench\\_pref\\_%");
		dropSchemasLike("bench\\_serial\\_%");
	}

	static String historyHeader(String first) {
		return ("| %s | full migrate | clone, 1 connection | clone, %d connections | floor (N × trivial CREATE TABLE, 1 connection) | clone / floor | migrate / clone | context wait, no prefetch | context wait, prefetch | fingerprint | no-op migrate on a clone |\n"
				+ "|---|---|---|---|---|---|---|---|---|---|---|")
			.formatted(first, WorkspaceSettings.DEFAULT_CLONE_CONNECTIONS);
	}

	/**
	 * The time of {@code createClone} alone, without the drop that follows each.
	 */
	private Timings cloneTimings(BenchmarkWorkspace workspace, String template) {
		return Timings.ofMeasured(this.runs, () -> {
			long start = System.nanoTime();
			String clone = workspace.createClone(template);
			double millis = (System.nanoTime() - start) / 1e6;
			workspace.drop(clone);
			return millis;
		});
	}

	/**
	 * What a new context waits for its schema, as the auto-configuration asks for it,
	 * with a pause between contexts standing for the tests of the one before.
	 */
	private Timings contextWaits(BenchmarkWorkspace workspace, FluentConfiguration flyway) {
		List<String> used = new ArrayList<>();
		Timings waits = Timings.ofMeasured(this.runs + 1, () -> {
			sleep(Duration.ofMillis(500));
			long start = System.nanoTime();
			used.add(workspace.contextSchema(workspace.template(new FlywayMigrationSet(flyway))));
			return (System.nanoTime() - start) / 1e6;
		});
		used.forEach(workspace::drop);
		return waits;
	}

	private void floor(int tables) {
		execute("CREATE DATABASE bench_floor_tables");
		try (Connection connection = this.server.open("bench_floor_tables");
				Statement statement = connection.createStatement()) {
			for (int i = 0; i < tables; i++) {
				statement.addBatch("CREATE TABLE t" + i + " (id INT NOT NULL PRIMARY KEY)");
			}
			statement.executeBatch();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		execute("DROP DATABASE bench_floor_tables");
	}

	private void herd(GeneratedHistory history, int repeats) throws Exception {
		Timings floor = new Timings();
		Timings naive = new Timings();
		Timings cloned = new Timings();
		int naiveRuns = 0;
		int clonedRuns = 0;
		for (int i = 0; i < repeats; i++) {
			floor.add(Workers.launchAndWait(8,
					(n) -> List.of("herd-worker", "floor", this.url, history.location(), "bench_herd")));
			int before = counted(history);
			naive.add(Workers.launchAndWait(8,
					(n) -> List.of("herd-worker", "naive", this.url, history.location(), "bench_herd_n" + n)));
			naiveRuns += counted(history) - before;
			dropSchemasLike("bench\\_herd\\_%");
			before = counted(history);
			cloned.add(Workers.launchAndWait(8,
					(n) -> List.of("herd-worker", "schemaclone", this.url, history.location(), "bench_herd")));
			clonedRuns += counted(history) - before;
			dropSchemasLike("bench\\_herd\\_%");
		}
		line("| way | wall time until all 8 have their schema | over the floor | history runs (all repeats) |");
		line("|---|---|---|---|");
		line("| floor: 8 JVMs that only connect | %s | – | 0 |".formatted(floor));
		line("| naive: each JVM migrates its own schema | %s | %s | %d |".formatted(naive,
				Timings.format(naive.median() - floor.median()), naiveRuns));
		line("| schemaclone: one migration, 8 clones | %s | %s | %d |".formatted(cloned,
				Timings.format(cloned.median() - floor.median()), clonedRuns));
		line("");
		line("Ratio naive / schemaclone (medians): %.1f× in wall time, %.1f× in setup time over the floor".formatted(
				naive.median() / cloned.median(),
				(naive.median() - floor.median()) / (cloned.median() - floor.median())));
	}

	/**
	 * Migrate the one shared schema the floor ways run on.
	 */
	void migrateFloor(GeneratedHistory history) {
		String floorSchema = "bench_floor";
		execute("DROP DATABASE IF EXISTS " + floorSchema);
		Flyway.configure()
			.locations(history.location())
			.placeholderReplacement(false)
			.dataSource(this.server.url().toJdbcUrl(), this.server.username(), this.server.password())
			.createSchemas(true)
			.defaultSchema(floorSchema)
			.schemas(floorSchema)
			.load()
			.migrate();
	}

	private BenchmarkWorkspace open(String prefix, int prefetch, int connections) {
		return BenchmarkWorkspace.open(this.server, new WorkspaceSettings(prefix, Duration.ofMinutes(5),
				Duration.ofMinutes(10), prefetch, connections, 0, 0));
	}

	int counted(GeneratedHistory history) {
		return Integer.parseInt(query("SELECT COUNT(*) FROM " + GeneratedHistory.COUNTER_SCHEMA
				+ ".runs WHERE history = '" + history.migrations() + "x" + history.tables() + "'"));
	}

	void dropSchemasLike(String pattern) {
		List<String> schemas = new ArrayList<>();
		try (Connection connection = this.server.open();
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '"
							+ pattern + "'")) {
			while (result.next()) {
				schemas.add(result.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		schemas.forEach((schema) -> execute("DROP DATABASE `" + schema + "`"));
	}

	private String query(String sql) {
		try (Connection connection = this.server.open();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void execute(String... sql) {
		try (Connection connection = this.server.open(); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String report() {
		return this.report.toString();
	}

	private void line(String text) {
		this.report.append(text).append('\n');
		System.out.println(text);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--")) {
				boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
				options.put(args[i].substring(2), hasValue ? args[++i] : "true");
			}
		}
		return options;
	}

}
