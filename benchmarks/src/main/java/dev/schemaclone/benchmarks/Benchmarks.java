package dev.schemaclone.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.util.FileSystemUtils;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.workspace.ReservedSchema;
import dev.schemaclone.internal.workspace.SchemaWorkspace;
import dev.schemaclone.internal.workspace.WorkspaceSettings;

/**
 * Runs every measurement of docs/benchmarks.md side by side in one run and prints the
 * tables. Usage:
 * {@code java -jar schemaclone-benchmarks.jar [--url URL] [--runs N] [--ranger DIR] [--quick]
 * [--parts histories,reset,liquibase,herd,suite,closing]}, or
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
			Workers.suite(args);
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
			benchmarks.run(histories, Files.isDirectory(ranger) ? ranger.toAbsolutePath().normalize() : null, quick,
					List.of(options.getOrDefault("parts", "histories,reset,liquibase,herd,suite,closing").split(",")));
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	private void run(List<GeneratedHistory> histories, Path ranger, boolean quick, List<String> parts)
			throws Exception {
		prepare();
		line("## Machine and server");
		line("");
		line("- %d cores, Java %s, %s"
			.formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), query(
					"SELECT CONCAT(VERSION(), ', datadir ', @@datadir, ', innodb_flush_log_at_trx_commit=', @@innodb_flush_log_at_trx_commit)")));
		line("- %d runs per measurement; medians with min–max".formatted(this.runs));
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
			herd(herdHistory, quick ? 1 : 3);
		}
		if (parts.contains("suite")) {
			line("");
			line("## Whole suite: 3 forks × 4 contexts (" + herdHistory.label() + ")");
			for (int statements : new int[] { 40, 1000 }) {
				line("");
				line("### %d statements of test work per context".formatted(statements));
				line("");
				suite(herdHistory, quick ? 1 : 3, statements);
			}
		}
		if (parts.contains("closing")) {
			line("");
			line("## Closing contexts: 3 forks × 12 contexts, each closed before the next (" + herdHistory.label()
					+ ")");
			line("");
			closing(herdHistory, quick ? 1 : 3);
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
		try (SchemaWorkspace plain = open("bench_clone", 0, WorkspaceSettings.DEFAULT_CLONE_CONNECTIONS);
				SchemaWorkspace serial = open("bench_serial", 0, 1);
				SchemaWorkspace prefetching = open("bench_pref", 1, WorkspaceSettings.DEFAULT_CLONE_CONNECTIONS)) {
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
	private Timings cloneTimings(SchemaWorkspace workspace, String template) {
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
	private Timings contextWaits(SchemaWorkspace workspace, FluentConfiguration flyway) {
		List<String> used = new ArrayList<>();
		Timings waits = Timings.ofMeasured(this.runs + 1, () -> {
			sleep(Duration.ofMillis(500));
			long start = System.nanoTime();
			ReservedSchema reserved = workspace.reserve("");
			workspace.completeFrom(reserved, workspace.template(new FlywayMigrationSet(flyway)));
			used.add(reserved.name());
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

	private void suite(GeneratedHistory history, int repeats, int statements) throws Exception {
		migrateFloor(history);
		Map<String, Timings> results = new LinkedHashMap<>();
		// "schemaclone" starts from nothing (template dropped); "schemaclone-warm" runs
		// right
		// after it on what it left: the template and its warm clones, as a second build
		// does.
		for (String mode : List.of("floor", "naive", "naive-dropping", "schemaclone", "schemaclone-warm")) {
			results.put(mode, new Timings());
		}
		for (int i = 0; i < repeats; i++) {
			for (String mode : results.keySet()) {
				results.get(mode)
					.add(Workers.launchAndWait(3, (fork) -> List.of("suite-worker", mode, this.url, history.location(),
							"4", String.valueOf(fork), String.valueOf(statements))));
				dropSchemasLike("bench\\_naive\\_%");
				if (!mode.equals("schemaclone")) {
					dropSchemasLike("bench\\_suite\\_%");
				}
			}
		}
		double floor = results.get("floor").median();
		line("| way | wall time of the suite | setup time over the floor |");
		line("|---|---|---|");
		results.forEach((mode, timings) -> line(
				"| %s | %s | %s |".formatted(mode, timings, Timings.format(timings.median() - floor))));
		line("");
		double schemaclone = results.get("schemaclone").median() - floor;
		double warm = results.get("schemaclone-warm").median() - floor;
		line("Share of the naive setup time that schemaclone still spends, (schemaclone − floor) / (naive − floor): cold **%.2f** (against naive-dropping: %.2f); warm rerun **%.2f** (against naive-dropping: %.2f)"
			.formatted(schemaclone / (results.get("naive").median() - floor),
					schemaclone / (results.get("naive-dropping").median() - floor),
					warm / (results.get("naive").median() - floor),
					warm / (results.get("naive-dropping").median() - floor)));
	}

	/**
	 * Migrate the one shared schema the floor ways run on.
	 */
	private void migrateFloor(GeneratedHistory history) {
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

	/**
	 * Contexts that close before the next starts ({@code @DirtiesContext}): with
	 * recycling, the next context takes the reset clone of the one before; the way before
	 * it made a clone per context. Per new context, the time over a floor that sets
	 * nothing up.
	 */
	private void closing(GeneratedHistory history, int repeats) throws Exception {
		migrateFloor(history);
		int contexts = 12;
		// Builds the template first: this measures new contexts, not the build.
		Workers.launchAndWait(1,
				(fork) -> List.of("suite-worker", "closing", this.url, history.location(), "1", "w", "40"));
		dropSchemasLike("bench\\_suite\\_c\\_%");
		execute("DELETE FROM bench_suite_registry.owned_schema WHERE state = 'CLONE' OR state = 'WARM'");
		Map<String, Timings> results = new LinkedHashMap<>();
		for (String mode : List.of("closing-floor", "closing-clone", "closing")) {
			results.put(mode, new Timings());
		}
		for (int i = 0; i < repeats; i++) {
			for (String mode : results.keySet()) {
				results.get(mode)
					.add(Workers.launchAndWait(3, (fork) -> List.of("suite-worker", mode, this.url, history.location(),
							String.valueOf(contexts), String.valueOf(fork), "40")));
				dropSchemasLike("bench\\_suite\\_c\\_%");
				execute("DELETE FROM bench_suite_registry.owned_schema WHERE state = 'CLONE' OR state = 'WARM'");
			}
		}
		double floor = results.get("closing-floor").median();
		line("| way | wall time of the suite | per new context over the floor |");
		line("|---|---|---|");
		results.forEach((mode, timings) -> line(
				"| %s | %s | %s |".formatted(mode, timings, Timings.format((timings.median() - floor) / contexts))));
		line("");
		line("clone per context / recycling, per new context: **%.1f×**"
			.formatted((results.get("closing-clone").median() - floor) / (results.get("closing").median() - floor)));
	}

	private SchemaWorkspace open(String prefix, int prefetch, int connections) {
		return SchemaWorkspace.open(this.server, new WorkspaceSettings(prefix, Duration.ofMinutes(5),
				Duration.ofMinutes(10), prefetch, connections, 0, 0));
	}

	private int counted(GeneratedHistory history) {
		return Integer.parseInt(query("SELECT COUNT(*) FROM " + GeneratedHistory.COUNTER_SCHEMA
				+ ".runs WHERE history = '" + history.migrations() + "x" + history.tables() + "'"));
	}

	private void dropSchemasLike(String pattern) {
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

	private void execute(String... sql) {
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
