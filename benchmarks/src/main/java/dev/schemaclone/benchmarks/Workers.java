package dev.schemaclone.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.flywaydb.core.Flyway;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.workspace.BenchmarkWorkspace;
import dev.schemaclone.internal.workspace.WorkspaceSettings;

/**
 * The benchmark's child JVMs: how they are started, and the herd's workers that each need
 * one schema.
 */
final class Workers {

	/** The last line of a JVM's output file, with the wall clock's milliseconds. */
	static final String EXITED = "[benchmark] exited at ";

	private Workers() {
	}

	/**
	 * Start {@code count} JVMs of this jar at once and wait for all.
	 * @return the wall time in milliseconds
	 */
	static double launchAndWait(int count, IntFunction<List<String>> arguments) throws Exception {
		return launchAndWait(count, List.of(), arguments, null);
	}

	/**
	 * Start {@code count} JVMs of this jar at once, with the given JVM options, and wait
	 * for all.
	 * @param output where each JVM's output goes, or {@code null} for this JVM's own; a
	 * last line there says when the JVM exited ({@link #EXITED})
	 * @return the wall time in milliseconds
	 */
	static double launchAndWait(int count, List<String> options, IntFunction<List<String>> arguments,
			IntFunction<Path> output) throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		String jar = System.getProperty("java.class.path");
		long start = System.nanoTime();
		List<Process> processes = new ArrayList<>();
		List<CompletableFuture<Long>> exits = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			List<String> command = new ArrayList<>(List.of(java));
			command.addAll(options);
			command.addAll(List.of("-jar", jar));
			command.addAll(arguments.apply(i));
			ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
			if (output != null) {
				builder.redirectErrorStream(true).redirectOutput(output.apply(i).toFile());
			}
			Process process = builder.start();
			processes.add(process);
			exits.add(process.onExit().thenApply((ended) -> System.currentTimeMillis()));
		}
		for (int i = 0; i < count; i++) {
			Process process = processes.get(i);
			if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException("A worker failed: " + process.info().commandLine().orElse("?")
						+ ((output != null) ? "; its output is in " + output.apply(i) : ""));
			}
		}
		double wall = (System.nanoTime() - start) / 1e6;
		for (int i = 0; output != null && i < count; i++) {
			Files.writeString(output.apply(i), EXITED + exits.get(i).join() + "%n".formatted(),
					StandardOpenOption.APPEND);
		}
		return wall;
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
		try (BenchmarkWorkspace workspace = BenchmarkWorkspace.open(server,
				new WorkspaceSettings(args[4], Duration.ofMinutes(10), Duration.ofMinutes(10)))) {
			workspace.createClone(workspace
				.template(new FlywayMigrationSet(Flyway.configure().locations(args[3]).placeholderReplacement(false))));
			workspace.endClones();
		}
	}

}
