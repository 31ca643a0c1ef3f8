package dev.schemaclone.testsupport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A main class of the tests running in a JVM of its own, with the test class path and the
 * test server's setting.
 */
public final class ChildJvm implements AutoCloseable {

	private static final String SNAPSHOTS = "schemaclone.snapshot.enabled";

	private final Process process;

	private final List<String> lines = new CopyOnWriteArrayList<>();

	/**
	 * Joined once the child's output ended: every line it printed is in {@link #lines}
	 * then.
	 */
	private final Thread reader;

	private ChildJvm(Process process) {
		this.process = process;
		this.reader = new Thread(() -> {
			try (BufferedReader input = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = input.readLine(); line != null; line = input.readLine()) {
					this.lines.add(line);
				}
			}
			catch (IOException ex) {
				// The process ended.
			}
		});
		this.reader.setDaemon(true);
		this.reader.start();
	}

	public static ChildJvm start(Class<?> main, String... arguments) throws IOException {
		return start(TestServer.url(), List.of(), main, arguments);
	}

	/**
	 * Start a child with options of its own for the JVM, for example system properties.
	 */
	public static ChildJvm start(List<String> options, Class<?> main, String... arguments) throws IOException {
		return start(TestServer.url(), options, main, arguments);
	}

	/**
	 * Start a child that reaches the test server through another URL, such as a proxy's.
	 * @param url the test server's setting for the child, credentials included
	 */
	public static ChildJvm startOn(String url, Class<?> main, String... arguments) throws IOException {
		return start(url, List.of(), main, arguments);
	}

	private static ChildJvm start(String url, List<String> options, Class<?> main, String... arguments)
			throws IOException {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(
				System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-cp", classPath,
				"-D" + TestServer.SETTING + "=" + url, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
		// A child builds its templates as the test that starts it does: from history,
		// unless
		// snapshots are on; else a snapshot another run left in the user's directory
		// decides.
		String snapshots = System.getProperty(SNAPSHOTS);
		if (snapshots != null) {
			command.add("-D" + SNAPSHOTS + "=" + snapshots);
		}
		command.addAll(options);
		command.add(main.getName());
		command.addAll(List.of(arguments));
		return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
	}

	/**
	 * Return the lines the child printed so far.
	 */
	public List<String> lines() {
		return List.copyOf(this.lines);
	}

	/**
	 * Wait until the child printed a line starting with a prefix; return the rest of it.
	 */
	public String awaitLine(String prefix, long seconds) {
		return await("a line '" + prefix + "' from the child").atMost(Duration.ofSeconds(seconds))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				boolean ended = !this.reader.isAlive();
				for (String line : this.lines) {
					if (line.startsWith(prefix)) {
						return line.substring(prefix.length());
					}
				}
				if (ended) {
					throw new IllegalStateException(
							"Child exited " + this.process.waitFor() + " without '" + prefix + "': " + this.lines);
				}
				return null;
			}, Objects::nonNull);
	}

	public int waitFor(long seconds) throws InterruptedException {
		if (!this.process.waitFor(seconds, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Child still running after " + seconds + " s: " + this.lines);
		}
		return this.process.exitValue();
	}

	/**
	 * Return what the child printed so far, for the message of a failed assertion.
	 */
	public String output() {
		return String.join(System.lineSeparator(), this.lines);
	}

	/** Kill with SIGKILL: no shutdown hook, no finally block runs. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	/** Ask the JVM to exit with SIGTERM: its shutdown hooks run. */
	public void terminate(long seconds) throws InterruptedException {
		this.process.destroy();
		this.process.waitFor(seconds, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}

}
