package dev.schemaclone.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.MySqlUrl;

import static org.awaitility.Awaitility.await;

/**
 * A {@code mariadbd} of a test's own, on a free port with its data on tmpfs where there
 * is one, for tests that stop, restart or break a server: never the shared one.
 */
public final class ThrowawayServer implements AutoCloseable {

	private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");

	private final Path directory;

	private final int port;

	private Process process;

	private ThrowawayServer(Path directory, int port) {
		this.directory = directory;
		this.port = port;
	}

	/**
	 * Return why no throwaway server can start here, or {@code null} if one can.
	 */
	public static String unavailableReason() {
		return Files.isExecutable(MARIADBD) ? null
				: MARIADBD + " is not installed: the throwaway server tests need MariaDB's server binary";
	}

	/**
	 * Install a data directory and start the server; root may connect over TCP with no
	 * password.
	 */
	public static ThrowawayServer start() throws Exception {
		Path shm = Path.of("/dev/shm");
		Path directory = Files.createTempDirectory(
				Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")), "schemaclone-it-");
		ThrowawayServer server = new ThrowawayServer(directory, freePort());
		run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + directory.resolve("data"), "--skip-test-db",
				"--auth-root-authentication-method=normal", "--user=" + System.getProperty("user.name")));
		server.startProcess();
		server.execute("CREATE USER 'admin'@'%' IDENTIFIED BY 'admin-secret'",
				"GRANT ALL PRIVILEGES ON *.* TO 'admin'@'%'");
		return server;
	}

	/**
	 * Return the server as its admin user sees it.
	 */
	public DatabaseServer admin() {
		return as("admin", "admin-secret");
	}

	public DatabaseServer as(String user, String password) {
		return new DatabaseServer(MySqlUrl.parse("jdbc:mysql://127.0.0.1:" + this.port + "/"), user, password);
	}

	public int port() {
		return this.port;
	}

	/**
	 * Return the directory of one schema's files, for tests that put there a file the
	 * server does not expect.
	 */
	public Path schemaDirectory(String schema) {
		return this.directory.resolve("data").resolve(schema);
	}

	/**
	 * Run statements as root.
	 */
	public void execute(String... sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + this.port + "/", "root",
				""); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

	/** Stop the server and start it again on the same port and data. */
	public void restart() throws Exception {
		stop();
		startProcess();
	}

	public void stop() throws InterruptedException {
		if (this.process != null) {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			this.process = null;
		}
	}

	@Override
	public void close() throws Exception {
		stop();
		FileSystemUtils.deleteRecursively(this.directory);
	}

	private void startProcess() throws Exception {
		List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--no-defaults",
				"--datadir=" + this.directory.resolve("data"), "--port=" + this.port, "--bind-address=127.0.0.1",
				"--socket=" + this.directory.resolve("mariadb.sock"),
				"--pid-file=" + this.directory.resolve("mariadb.pid"), "--innodb-buffer-pool-size=32M",
				"--skip-log-bin", "--user=" + System.getProperty("user.name")));
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("mariadbd.log").toFile())
			.start();
		await("mariadbd answering on port " + this.port).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> {
				try {
					execute("SELECT 1");
					return true;
				}
				catch (SQLException ex) {
					if (!this.process.isAlive()) {
						throw new IllegalStateException(
								"mariadbd exited: " + Files.readString(this.directory.resolve("mariadbd.log")));
					}
					return false;
				}
			});
	}

	/**
	 * Return a port nothing listens on, for the server or for a test of a closed port.
	 */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(command.get(0) + " failed: " + output);
		}
	}

}
