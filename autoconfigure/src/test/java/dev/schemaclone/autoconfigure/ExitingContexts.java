package dev.schemaclone.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.schemaclone.testsupport.TestServer;

/**
 * A JVM that starts contexts on clones and exits with them open, as a test JVM does:
 * Spring Boot's shutdown hook closes them while schemaclone's ends their clones. Prints
 * {@code CLONE <i> <name>} for each context, then {@code ENDING <names>}: every clone the
 * JVM owns as it exits. Arguments: prefix, number of contexts, then how the first context
 * ends: {@code plain}; {@code writing}, a bean writes into its clone until its close,
 * which takes seconds, ends; {@code unclosed}, never closed, written into until the JVM
 * halts.
 */
public final class ExitingContexts {

	/** How long the writing context takes to close, writing all along. */
	static final long CLOSE_MILLIS = 3000;

	private ExitingContexts() {
	}

	public static void main(String[] args) throws SQLException {
		String prefix = args[0];
		String mode = args[2];
		List<String> clones = new ArrayList<>();
		for (int i = 0; i < Integer.parseInt(args[1]); i++) {
			SpringApplicationBuilder builder = new SpringApplicationBuilder(TestApplication.class)
				.web(WebApplicationType.NONE);
			if (i == 0 && !mode.equals("plain")) {
				builder.sources(ShutdownWriter.class).registerShutdownHook(!mode.equals("unclosed"));
			}
			ConfigurableApplicationContext context = builder.run("--schemaclone.prefix=" + prefix,
					"--context.index=" + i, "--schemaclone.prefetch=1", "--logging.level.root=warn",
					"--logging.level.dev.schemaclone=info");
			String clone = ContextSchemas.currentSchema(context.getBean(DataSource.class));
			clones.add(clone);
			System.out.println("CLONE " + i + " " + clone);
		}
		System.out.println("ENDING " + String.join(" ", owned(prefix, clones.get(0))));
		System.out.flush();
		System.exit(0);
	}

	/**
	 * Return the clones this JVM owns, its own and those it claimed warm, from the
	 * registry.
	 */
	private static List<String> owned(String prefix, String anyClone) throws SQLException {
		try (Connection connection = TestServer.server().open()) {
			JdbcTemplate registry = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			String owner = registry.queryForObject(
					"SELECT owner FROM " + prefix + "_registry.owned_schema WHERE schema_name = ?", String.class,
					anyClone);
			return registry.queryForList(
					"SELECT schema_name FROM " + prefix
							+ "_registry.owned_schema WHERE owner = ? AND state = 'CLONE' ORDER BY 1",
					String.class, owner);
		}
	}

	/**
	 * Writes rows into its context's clone, from start-up until its close, which takes
	 * {@link #CLOSE_MILLIS}, ends: as a scheduler that finishes its work on shutdown
	 * does.
	 */
	static final class ShutdownWriter implements DisposableBean {

		private final Thread writer;

		private volatile boolean stopped;

		ShutdownWriter(DataSource dataSource) {
			this.writer = new Thread(() -> {
				while (!this.stopped) {
					writeInATransaction(dataSource);
				}
			}, "shutdown-writer");
			this.writer.setDaemon(true);
			this.writer.start();
		}

		/**
		 * Write a row in a transaction that holds its lock a moment, as a scheduled job's
		 * would; one the end of the process cuts off is tried again.
		 */
		private static void writeInATransaction(DataSource dataSource) {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				connection.setAutoCommit(false);
				statement.executeUpdate("INSERT INTO person (name) VALUES ('written while closing')");
				sleep(50);
				connection.commit();
			}
			catch (SQLException ex) {
				sleep(50);
			}
		}

		@Override
		public void destroy() throws InterruptedException {
			Thread.sleep(CLOSE_MILLIS);
			this.stopped = true;
			this.writer.join();
		}

		private static void sleep(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
