package dev.schemaclone.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;

import dev.schemaclone.internal.server.DatabaseServer;

/**
 * The lines that say where a run's figures come from: the command, the machine, the JDK
 * and the server.
 */
final class Machine {

	private Machine() {
	}

	static List<String> describe(DatabaseServer server, int runs, String[] args) {
		long memory = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
		try (Connection connection = server.open();
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT VERSION(), @@datadir, @@innodb_flush_log_at_trx_commit")) {
			result.next();
			return List.of("- command: `java -jar benchmarks/target/schemaclone-benchmarks.jar " + command(args) + "`",
					"- machine: %d cores, %.1f GB RAM; JDK %s (%s)".formatted(
							Runtime.getRuntime().availableProcessors(), memory / 1e9,
							System.getProperty("java.version"), System.getProperty("java.vm.vendor")),
					"- server: %s, data directory on %s, innodb_flush_log_at_trx_commit=%s"
						.formatted(result.getString(1), fileSystem(result.getString(2)), result.getString(3)),
					"- %d runs per measurement; medians with min–max".formatted(runs));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String command(String[] args) {
		// The URL's password, if any, stays out of the report.
		return String.join(" ", args).replaceAll("password=[^&\\s]*", "password=***");
	}

	/**
	 * The type of the file system that holds the server's data, when the server runs on
	 * this machine: tmpfs and a disk give figures far apart.
	 */
	private static String fileSystem(String directory) {
		try {
			Path path = Path.of(directory);
			return Files.isDirectory(path) ? Files.getFileStore(path).type() : "another machine";
		}
		catch (IOException ex) {
			return "an unknown file system";
		}
	}

}
