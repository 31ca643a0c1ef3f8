package dev.schemaclone.benchmarks;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.flywaydb.core.Flyway;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.workspace.SchemaWorkspace;
import dev.schemaclone.internal.workspace.WorkspaceSettings;

/**
 * The benchmark's child JVMs: herd workers that each need one schema, and suite workers
 * that each stand for one Surefire fork with several cached contexts.
 */
final class Workers {

	private Workers() {
	}

	/**
	 * Start {@code count} JVMs of this jar at once and wait for all.
	 * @return the wall time in milliseconds
	 */
	static double launchAndWait(int count, IntFunction<List<String>> arguments) throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		String jar = System.getProperty("java.class.path");
		long start = System.nanoTime();
		List<Process> processes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			List<String> command = new ArrayList<>(List.of(java, "-jar", jar));
			command.addAll(arguments.apply(i));
			processes.add(new ProcessBuilder(command).inheritIO().start());
		}
		for (Process process : processes) {
			if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException("A worker failed: " + process.info().commandLine().orElse("?"));
			}
		}
		return (System.nanoTime() - start) / 1e6;
	}

	/**
	 * One JVM of the herd:
	 * {@code herd-worker floor|naive|schemaclone url location schema-or-prefix}.
	 */
	static void herd(String[] args) {
		DatabaseServer server = DatabaseServer.fromUrlWithCredentials(args[2]);
		if (args[1].equals("floor")) {
			try (var connection = server.open()) {
				// What every JVM of the herd pays anyway: start, load the driver,
				// connect.
				return;
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
		if (args[1].equals("naive")) {
			Flyway.configure()
				.locations(args[3])
				.placeholderReplacement(false)
				.dataSource(server.url().toJdbcUrl(), server.username(), server.password())
				.createSchemas(true)
				.defaultSchema(args[4])
				.schemas(args[4])
				.load()
				.migrate();
			return;
		}
		try (SchemaWorkspace workspace = SchemaWorkspace.open(server,
				new WorkspaceSettings(args[4], Duration.ofMinutes(10), Duration.ofMinutes(10)))) {
			workspace.createClone(workspace
				.template(new FlywayMigrationSet(Flyway.configure().locations(args[3]).placeholderReplacement(false))));
			workspace.endClones();
		}
	}

	/**
	 * One fork of the suite:
	 * {@code suite-worker floor|naive|naive-dropping|schemaclone|schemaclone-warm|closing-floor|closing|closing-clone url location contexts fork statements}.
	 * The {@code closing} modes close each context before starting the next. Each context
	 * stands for the test classes that share it: it starts, does a little work, and stays
	 * cached until the fork ends.
	 */
	static void suite(String[] args) {
		String mode = args[1];
		DatabaseServer server = DatabaseServer.fromUrlWithCredentials(args[2]);
		int contexts = Integer.parseInt(args[4]);
		int statements = Integer.parseInt(args[6]);
		List<ConfigurableApplicationContext> cache = new ArrayList<>();
		for (int k = 0; k < contexts; k++) {
			List<String> properties = new ArrayList<>(List.of("--bench.context=" + k,
					"--spring.flyway.locations=" + args[3], "--spring.flyway.placeholder-replacement=false",
					"--spring.datasource.username=" + server.username(),
					"--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.minimum-idle=1"));
			if (server.password() != null) {
				properties.add("--spring.datasource.password=" + server.password());
			}
			switch (mode) {
				case "floor", "closing-floor" ->
					properties.addAll(List.of("--spring.datasource.url=" + server.urlOf("bench_floor").toJdbcUrl(),
							"--spring.flyway.enabled=false", "--schemaclone.enabled=false"));
				case "naive", "naive-dropping" -> properties.addAll(List.of(
						"--spring.datasource.url=" + server.urlOf(naiveSchema(args[5], k)).toJdbcUrl()
								+ (server.url().query().isEmpty() ? "?" : "&") + "createDatabaseIfNotExist=true",
						"--schemaclone.enabled=false"));
				default -> properties.addAll(List.of("--spring.datasource.url=" + server.urlOf("bench_app").toJdbcUrl(),
						"--schemaclone.prefix=bench_suite"));
			}
			if (mode.equals("closing-clone")) {
				// The way before recycling: a closed context's clone is not reused, and
				// the next
				// context gets a clone of its own (kept, not dropped: the harness drops
				// it).
				properties.add("--schemaclone.keep-clones=true");
			}
			ConfigurableApplicationContext context = new SpringApplicationBuilder(SuiteApplication.class)
				.web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.run(properties.toArray(String[]::new));
			work(context.getBean(JdbcTemplate.class), statements);
			if (mode.startsWith("closing")) {
				// A test class with @DirtiesContext: its context closes before the next
				// starts.
				context.close();
			}
			else {
				cache.add(context);
			}
		}
		cache.forEach(ConfigurableApplicationContext::close);
		if (mode.equals("naive-dropping")) {
			// Leaves the server as schemaclone does: a schema per context is one to drop.
			try (var connection = server.open(); var statement = connection.createStatement()) {
				for (int k = 0; k < contexts; k++) {
					statement.execute("DROP DATABASE `" + naiveSchema(args[5], k) + "`");
				}
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private static String naiveSchema(String fork, int context) {
		return "bench_naive_" + fork + "_" + context;
	}

	private static void work(JdbcTemplate jdbc, int statements) {
		for (int i = 0; i < statements / 2; i++) {
			jdbc.update("INSERT INTO t1 (name) VALUES (?)", "row " + i);
			jdbc.queryForObject("SELECT COUNT(*) FROM t1", Integer.class);
		}
	}

}
