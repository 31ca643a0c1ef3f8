package dev.schemaclone.internal.zerosetup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * Where the shared zero-setup server lives and how long it runs on with no JVM using it,
 * from system properties: the server is shared by JVMs that each have their own Spring
 * environment.
 *
 * @param directory the per-user directory of lock, state file and servers
 * @param idleStop how long the server runs on with no client connected
 */
record ZeroSetupSettings(Path directory, Duration idleStop) {

	static final String DIRECTORY = "schemaclone.zero-setup.directory";

	static final String IDLE_STOP = "schemaclone.zero-setup.idle-stop";

	/**
	 * Long enough for the next module of a build, or the next build, to find the server
	 * with its templates and warm clones; short enough that its half a gigabyte does not
	 * linger.
	 */
	static final Duration DEFAULT_IDLE_STOP = Duration.ofMinutes(5);

	/** Where clones are several times faster than on disk, where the machine has it. */
	private static final Path TMPFS = Path.of("/dev/shm");

	static ZeroSetupSettings fromSystemProperties() {
		String directory = System.getProperty(DIRECTORY);
		String idleStop = System.getProperty(IDLE_STOP);
		return new ZeroSetupSettings(
				(directory != null && !directory.isBlank()) ? Path.of(directory) : defaultDirectory(),
				(idleStop != null && !idleStop.isBlank()) ? parse(idleStop.trim()) : DEFAULT_IDLE_STOP);
	}

	private static Path defaultDirectory() {
		Path parent = (Files.isDirectory(TMPFS) && Files.isWritable(TMPFS)) ? TMPFS
				: Path.of(System.getProperty("java.io.tmpdir"));
		return parent.resolve("schemaclone-" + System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_"));
	}

	/**
	 * Parse {@code 90s}, {@code 5m}, {@code 500ms}, an ISO-8601 duration or plain
	 * seconds.
	 */
	static Duration parse(String value) {
		String lower = value.toLowerCase(Locale.ROOT);
		try {
			if (lower.startsWith("p")) {
				return Duration.parse(value);
			}
			if (lower.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
			}
			if (lower.endsWith("s")) {
				return Duration.ofSeconds(Long.parseLong(lower.substring(0, lower.length() - 1)));
			}
			if (lower.endsWith("m")) {
				return Duration.ofMinutes(Long.parseLong(lower.substring(0, lower.length() - 1)));
			}
			return Duration.ofSeconds(Long.parseLong(lower));
		}
		catch (RuntimeException ex) {
			throw new SchemaCloneException(
					"'%s' is not a duration for '%s': use for example 90s, 5m or PT5M".formatted(value, IDLE_STOP), ex);
		}
	}

}
