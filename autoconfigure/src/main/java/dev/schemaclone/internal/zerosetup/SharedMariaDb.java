package dev.schemaclone.internal.zerosetup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * The embedded MariaDB that every JVM of one user on one machine shares: found through a
 * state file, or started by the first JVM that needs it, under a file lock; each JVM
 * holds a connection to it for its whole life, so that the server stops only once none
 * uses it.
 */
final class SharedMariaDb {

	private static final Log logger = LogFactory.getLog(SharedMariaDb.class);

	/**
	 * Bounds the wait for another JVM's install and start, which take seconds to a
	 * minute.
	 */
	private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(5);

	/** Held until the JVM exits: the server's watcher counts it as a user. */
	private static @Nullable Connection lease;

	private SharedMariaDb() {
	}

	static synchronized ZeroSetupServer obtain(ZeroSetupSettings settings) {
		Path root = prepare(settings.directory());
		String key = key();
		try (ServerLock lock = ServerLock.acquire(root.resolve(key + ".lock"), LOCK_TIMEOUT)) {
			StateFile state = new StateFile(root.resolve(key + ".properties"));
			EmbeddedMariaDb server = state.read().filter(SharedMariaDb::leaseIfRunning).orElse(null);
			if (server != null) {
				logger.info("Using the shared zero-setup MariaDB on port %d (%s)".formatted(server.port(),
						server.directory()));
			}
			else {
				long begin = System.nanoTime();
				Path directory = root
					.resolve(key + "-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis());
				server = EmbeddedMariaDb.start(directory, TestTuning.ARGUMENTS, settings.idleStop());
				if (!leaseIfRunning(server)) {
					server.stop();
					throw new SchemaCloneException(
							"The zero-setup MariaDB in %s stopped right after it started".formatted(directory));
				}
				state.write(server, key);
				logger.info(
						"Started the shared zero-setup MariaDB on port %d in %d ms (%s); it stops %d s after the last JVM using it"
							.formatted(server.port(), (System.nanoTime() - begin) / 1_000_000, directory,
									settings.idleStop().toSeconds()));
			}
			removeOthers(root, key, server.directory());
			return new ZeroSetupServer(server.url(), "root", "");
		}
	}

	/**
	 * Take the lease on a server if it runs and answers; a server that does not is
	 * stopped and its files deleted.
	 */
	private static boolean leaseIfRunning(EmbeddedMariaDb server) {
		if (server.isRunning()) {
			try {
				Connection connection = server.open(Duration.ofSeconds(5));
				try (Statement statement = connection.createStatement()) {
					// The lease is idle all its life; the default would end it after
					// eight hours.
					statement.execute("SET SESSION wait_timeout = 31536000");
				}
				lease = connection;
				return true;
			}
			catch (SchemaCloneException | SQLException ex) {
				logger.info("The zero-setup MariaDB in %s does not answer (%s): starting another"
					.formatted(server.directory(), ex.getMessage()));
			}
		}
		server.stop();
		return false;
	}

	/**
	 * Stop and delete every server directory of this key but the one in use: left by a
	 * JVM killed while it installed, or by a server whose watcher was killed.
	 */
	private static void removeOthers(Path root, String key, Path keep) {
		try (Stream<Path> entries = Files.list(root)) {
			entries.filter((entry) -> entry.getFileName().toString().startsWith(key + "-") && Files.isDirectory(entry))
				.filter((entry) -> !entry.equals(keep))
				.toList()
				.forEach((entry) -> new EmbeddedMariaDb(entry, 0).stop());
		}
		catch (IOException ex) {
			logger.warn("Cannot list %s to remove old zero-setup servers: %s".formatted(root, ex.getMessage()));
		}
	}

	private static Path prepare(Path root) {
		try {
			if (!Files.isDirectory(root)) {
				// Only this user may read the servers' data or take their locks.
				Files.createDirectories(root,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			return root;
		}
		catch (IOException | UnsupportedOperationException ex) {
			throw new SchemaCloneException(
					"Cannot create the zero-setup MariaDB's directory %s: %s. Set '%s' to a directory you may write"
						.formatted(root, ex.getMessage(), ZeroSetupSettings.DIRECTORY),
					ex);
		}
	}

	/**
	 * Return the name under which JVMs share a server: the MariaDB version, and a digest
	 * of the schemaclone version and of everything that decides how the server runs, so
	 * that two versions never share one by mistake.
	 */
	static String key() {
		String mariaDb = MariaDbBinaries.version();
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : List.of(schemaCloneVersion(), mariaDb, String.join(" ", TestTuning.ARGUMENTS),
					EmbeddedMariaDb.script())) {
				digest.update(part.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return mariaDb + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (NoSuchAlgorithmException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String schemaCloneVersion() {
		try (InputStream input = SharedMariaDb.class.getResourceAsStream(
				"/META-INF/maven/dev.schemaclone/schemaclone-spring-boot-autoconfigure/pom.properties")) {
			Properties properties = new Properties();
			if (input != null) {
				properties.load(input);
			}
			// Classes not packaged into a jar (this project's own tests) have no
			// descriptor.
			return properties.getProperty("version", "unpackaged");
		}
		catch (IOException ex) {
			return "unpackaged";
		}
	}

}
