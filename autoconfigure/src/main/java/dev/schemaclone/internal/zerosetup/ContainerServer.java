package dev.schemaclone.internal.zerosetup;

import java.util.Map;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.schemaclone.internal.server.MySqlUrl;

/**
 * A MySQL container for the zero-setup default, its data directory on tmpfs, tuned for
 * tests.
 */
final class ContainerServer {

	static final DockerImageName IMAGE = DockerImageName.parse("mysql:8.4");

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
		// Stopped by the Testcontainers reaper when this process ends, unless the user
		// enabled
		// reuse (testcontainers.reuse.enable): then every JVM and build finds the one
		// container.
		// Binary logging, on by default in MySQL 8, is off with the other test settings.
		// caching_sha2_password needs the server's public key over a connection without
		// TLS.
		MySQLContainer container = new MySQLContainer(IMAGE).withTmpFs(Map.of("/var/lib/mysql", "rw"))
			.withCommand(TestTuning.ARGUMENTS.toArray(String[]::new))
			.withUrlParam("useSSL", "false")
			.withUrlParam("allowPublicKeyRetrieval", "true")
			.withReuse(true);
		container.start();
		// MySQLContainer gives root the user's password: DDL runs as root.
		return new ZeroSetupServer(MySqlUrl.parse(container.getJdbcUrl()).withDatabase(""), "root",
				container.getPassword());
	}

}
