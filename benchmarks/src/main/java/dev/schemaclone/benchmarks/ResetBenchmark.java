package dev.schemaclone.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import dev.schemaclone.internal.copy.CloneReset;
import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.workspace.BenchmarkWorkspace;
import dev.schemaclone.internal.workspace.WorkspaceSettings;

/**
 * What {@code schemaclone.refresh} costs after a test, by what the test wrote, against
 * dropping the clone and cloning the template again, on one clone of each history, on a
 * server that holds as many clones of it as the suite's forks use.
 */
final class ResetBenchmark {

	static final String PREFIX = "bench_reset";

	/**
	 * The other clones on the server: what the suite's forks and contexts hold. Queries
	 * of {@code information_schema} that a server answers by reading every schema cost
	 * with each.
	 */
	private static final int NEIGHBOURS = SuiteBenchmark.FORKS * SuiteClasses.CONTEXTS - 1;

	private final DatabaseServer server;

	private final int runs;

	ResetBenchmark(DatabaseServer server, int runs) {
		this.server = server;
		this.runs = runs;
	}

	static String header() {
		return "| history | nothing written | 5 tables written, rolled back | 1 table written | 5 tables written + 1 reference row updated | 20 tables written | drop + clone again | (drop + clone) / reset of 5 |\n"
				+ "|---|---|---|---|---|---|---|---|";
	}

	String row(GeneratedHistory history) throws SQLException {
		FluentConfiguration flyway = Flyway.configure().locations(history.location()).placeholderReplacement(false);
		try (BenchmarkWorkspace workspace = BenchmarkWorkspace.open(this.server,
				new WorkspaceSettings(PREFIX, Duration.ofMinutes(10), Duration.ofMinutes(10)))) {
			String template = workspace.template(new FlywayMigrationSet(flyway));
			String clone = workspace.createClone(template);
			for (int i = 0; i < NEIGHBOURS; i++) {
				workspace.createClone(template);
			}
			Timings nothing;
			Timings rolledBack;
			Timings one;
			Timings five;
			Timings twenty;
			try (CloneReset reset = workspace.resetOf(clone, template);
					Connection connection = this.server.open(clone)) {
				String reference = firstTableWithRows(connection, history.tables());
				reset.reset("warm-up");
				nothing = measure(reset, () -> {
				});
				rolledBack = measure(reset, () -> {
					connection.setAutoCommit(false);
					write(connection, 5, null);
					connection.rollback();
					connection.setAutoCommit(true);
				});
				one = measure(reset, () -> write(connection, 1, null));
				five = measure(reset, () -> write(connection, 5, reference));
				twenty = measure(reset, () -> write(connection, 20, null));
			}
			String[] current = { clone };
			Timings again = Timings.ofMeasured(this.runs, () -> {
				long start = System.nanoTime();
				workspace.drop(current[0]);
				current[0] = workspace.createClone(template);
				return (System.nanoTime() - start) / 1e6;
			});
			workspace.endClones();
			return "| %s | %s | %s | %s | %s | %s | %s | %.0f× |".formatted(history.label(), nothing, rolledBack, one,
					five, twenty, again, again.median() / five.median());
		}
	}

	private Timings measure(CloneReset reset, Work work) {
		return Timings.ofMeasured(this.runs, () -> {
			try {
				work.run();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			long start = System.nanoTime();
			reset.reset("benchmark");
			return (System.nanoTime() - start) / 1e6;
		});
	}

	/**
	 * Insert a row into each of the first tables, and update one reference row if given.
	 */
	private static void write(Connection connection, int tables, String reference) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (int table = 1; table <= tables; table++) {
				statement.addBatch("INSERT INTO t" + table + " (name) VALUES ('written by a test')");
			}
			if (reference != null) {
				statement.addBatch("UPDATE " + reference + " SET name = 'changed by a test' ORDER BY id LIMIT 1");
			}
			statement.executeBatch();
		}
	}

	private static String firstTableWithRows(Connection connection, int tables) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (int table = 1; table <= tables; table++) {
				if (statement.executeQuery("SELECT 1 FROM t" + table + " LIMIT 1").next()) {
					return "t" + table;
				}
			}
		}
		throw new IllegalStateException("No table of the history has reference rows");
	}

	@FunctionalInterface
	private interface Work {

		void run() throws SQLException;

	}

}
