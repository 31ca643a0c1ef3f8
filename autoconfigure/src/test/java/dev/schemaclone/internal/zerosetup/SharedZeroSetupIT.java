package dev.schemaclone.internal.zerosetup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import dev.schemaclone.testsupport.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded zero-setup MariaDB is one per machine and user, shared by every test JVM:
 * started once by JVMs that start together, outliving a JVM killed with SIGKILL, replaced
 * when it died, and gone with its files after the idle bound. Each test has a directory
 * of its own, never the developer's.
 */
class SharedZeroSetupIT {

	private static final Duration IDLE_STOP = Duration.ofSeconds(6);

	/**
	 * Outlasts a JVM's start-up, for tests where the server must wait for the next JVM.
	 */
	private static final Duration LONG_IDLE_STOP = Duration.ofSeconds(120);

	private Path root;

	@BeforeEach
	void createDirectory() throws IOException {
		Path shm = Path.of("/dev/shm");
		this.root = Files.createTempDirectory(
				Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")), "sc-zs-it-");
	}

	@AfterEach
	void stopServers() throws IOException {
		servers().forEach((directory) -> new EmbeddedMariaDb(directory, 0).stop());
		FileSystemUtils.deleteRecursively(this.root);
	}

	@Test
	void fourJvmsAtOnceStartOneServerAndBuildOneTemplate() throws Exception {
		List<ChildJvm> children = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				children.add(child("exit"));
			}
			List<String> ports = new ArrayList<>();
			int applied = 0;
			for (ChildJvm child : children) {
				assertThat(child.waitFor(300)).as("exit status; output: %s", child.lines()).isZero();
				ports.add(child.awaitLine("PORT ", 10));
				assertThat(child.awaitLine("ROW ", 10)).isEqualTo("reference row");
				applied += (int) child.lines().stream().filter((line) -> line.startsWith("APPLIED ")).count();
			}
			assertThat(ports).as("every JVM on one server").containsOnly(ports.get(0));
			assertThat(applied).as("migrations applied across the four JVMs: one template build").isEqualTo(1);
			assertThat(servers()).as("server directories").hasSize(1);
		}
		finally {
			for (ChildJvm child : children) {
				child.close();
			}
		}
	}

	@Test
	void aServerOutlivesTheKilledJvmThatStartedItAndADeadOneIsReplaced() throws Exception {
		String port;
		try (ChildJvm starter = child("hold", LONG_IDLE_STOP)) {
			starter.awaitLine("HOLDING", 300);
			port = starter.awaitLine("PORT ", 10);
			starter.kill();
		}
		Path first = servers().get(0);
		try (ChildJvm next = child("exit", LONG_IDLE_STOP)) {
			assertThat(next.waitFor(300)).as("exit status; output: %s", next.lines()).isZero();
			assertThat(next.awaitLine("PORT ", 10)).as("reused").isEqualTo(port);
		}
		// A server that died (say, killed with its watcher) is cleaned up and replaced.
		for (String pidFile : List.of("watcher.pid", "server.pid")) {
			ProcessHandle.of(Long.parseLong(Files.readString(first.resolve(pidFile)).trim()))
				.ifPresent(ProcessHandle::destroyForcibly);
		}
		await("the old server gone").atMost(Duration.ofSeconds(30))
			.until(() -> !new EmbeddedMariaDb(first, 0).isRunning());
		try (ChildJvm replacing = child("exit", LONG_IDLE_STOP)) {
			assertThat(replacing.waitFor(300)).as("exit status; output: %s", replacing.lines()).isZero();
			assertThat(replacing.awaitLine("PORT ", 10)).isNotEqualTo(port);
		}
		assertThat(servers()).as("server directories").hasSize(1).doesNotContain(first);
	}

	@Test
	void theServerStopsAndItsFilesGoAfterTheIdleBound() throws Exception {
		try (ChildJvm child = child("exit")) {
			assertThat(child.waitFor(300)).as("exit status; output: %s", child.lines()).isZero();
		}
		Path server = servers().get(0);
		List<ProcessHandle> processes = new ArrayList<>();
		for (String pidFile : List.of("watcher.pid", "server.pid")) {
			ProcessHandle.of(Long.parseLong(Files.readString(server.resolve(pidFile)).trim()))
				.ifPresent(processes::add);
		}
		assertThat(processes).as("watcher and server running after the JVM exited").hasSize(2);
		// Polls come every second at this bound; a busy machine gets some slack.
		await("server and files gone").atMost(IDLE_STOP.plusSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> processes.stream().noneMatch(ProcessHandle::isAlive) && !Files.exists(server));
		assertThat(stateFile().getProperty("directory")).isEqualTo(server.toString());
	}

	private ChildJvm child(String mode) throws IOException {
		return child(mode, IDLE_STOP);
	}

	private ChildJvm child(String mode, Duration idleStop) throws IOException {
		return ChildJvm.start(
				List.of("-D" + ZeroSetupSettings.DIRECTORY + "=" + this.root,
						"-D" + ZeroSetupSettings.IDLE_STOP + "=" + idleStop.toSeconds() + "s"),
				ZeroSetupClient.class, mode);
	}

	private List<Path> servers() throws IOException {
		try (Stream<Path> entries = Files.list(this.root)) {
			return entries.filter(Files::isDirectory).toList();
		}
	}

	private Properties stateFile() throws IOException {
		Properties properties = new Properties();
		try (Stream<Path> entries = Files.list(this.root)) {
			Path file = entries.filter((entry) -> entry.toString().endsWith(".properties")).findFirst().orElseThrow();
			try (var reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
		}
		return properties;
	}

}
