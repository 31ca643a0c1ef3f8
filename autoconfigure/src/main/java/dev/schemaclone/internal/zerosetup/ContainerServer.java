package dev.schemaclone.internal.zerosetup;

import java.util.Map;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.schemaclone.internal.server.MySqlUrl;

/**
 * A MySQL container for the zero-setup default, its data directory on tmpfs.
 */
final class ContainerServer {

	static final DockerImageName IMAGE = DockerImageName.parse("mysql:8.4");

	/** Arguments for {@code mysqld}: the image's entry point passes them on. */
	static final String[] ZERO_SETUP_ARGUMENTS = { "--skip-log-bin" };

	private ContainerServer() {
	}

	static boolean isDockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@SuppressWarnings("resource")
	static ZeroSetupServer start() {
		// Stopped by the Testcontainers reaper when this process ends. Binary logging, on by
		// default in MySQL 8, is turned off: it refuses stored functions not declared
		// DETERMINISTIC, NO SQL or READS SQL DATA (which MariaDB, with it off, accepts), and
		// would write every clone's rows to a log on tmpfs that nothing purges.
		// caching_sha2_password needs the server's public key over a connection without TLS.
		MySQLContainer container = new MySQLContainer(IMAGE).withTmpFs(Map.of("/var/lib/mysql", "rw"))
			.withCommand(ZERO_SETUP_ARGUMENTS)
			.withUrlParam("useSSL", "false")
			.withUrlParam("allowPublicKeyRetrieval", "true");
		container.start();
		// MySQLContainer gives root the user's password: DDL runs as root.
		return new ZeroSetupServer(MySqlUrl.parse(container.getJdbcUrl()).withDatabase(""), "root", container.getPassword());
	}

}
