package dev.schemaclone.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.schemaclone.internal.migration.LiquibaseMigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.workspace.BenchmarkWorkspace;
import dev.schemaclone.internal.workspace.WorkspaceSettings;

/**
 * A Liquibase update of a whole change log into a new schema, the naive way per context,
 * against a clone of the template Liquibase built.
 */
final class LiquibaseBenchmark {

	static final String PREFIX = "bench_lq";

	private final DatabaseServer server;

	private final int runs;

	LiquibaseBenchmark(DatabaseServer server, int runs) {
		this.server = server;
		this.runs = runs;
	}

	static String header() {
		return "| history | Liquibase update into a new schema | clone of its template | update / clone |\n|---|---|---|---|";
	}

	String row(GeneratedHistory history) {
		Path changeLog = history.liquibaseChangeLog();
		int[] sequence = { 0 };
		Timings update = Timings.of(this.runs, () -> {
			String schema = PREFIX + "_naive_" + sequence[0]++;
			execute("CREATE DATABASE " + schema);
			try (Connection connection = this.server.open(schema)) {
				SpringLiquibase liquibase = liquibase(changeLog);
				liquibase.setDataSource(new SingleConnectionDataSource(connection, true));
				liquibase.afterPropertiesSet();
			}
			catch (SQLException | LiquibaseException ex) {
				throw new IllegalStateException(ex);
			}
			execute("DROP DATABASE " + schema);
		});
		try (BenchmarkWorkspace workspace = BenchmarkWorkspace.open(this.server,
				new WorkspaceSettings(PREFIX, Duration.ofMinutes(10), Duration.ofMinutes(10)))) {
			String template = workspace.template(new LiquibaseMigrationSet(liquibase(changeLog)));
			Timings clone = Timings.ofMeasured(this.runs, () -> {
				long start = System.nanoTime();
				String made = workspace.createClone(template);
				double millis = (System.nanoTime() - start) / 1e6;
				workspace.drop(made);
				return millis;
			});
			return "| %s | %s | %s | %.1f× |".formatted(history.label(), update, clone,
					update.median() / clone.median());
		}
	}

	private static SpringLiquibase liquibase(Path changeLog) {
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setChangeLog("file:" + changeLog);
		liquibase.setResourceLoader(new DefaultResourceLoader());
		liquibase.setChangeLogParameters(Map.of());
		return liquibase;
	}

	private void execute(String sql) {
		try (Connection connection = this.server.open(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
