package dev.schemaclone.autoconfigure;

import java.util.Map;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.schemaclone.engine.MySqlUrl;

/**
 * A MySQL container for the zero-setup default, its data directory on tmpfs.
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
		// Stopped by the Testcontainers reaper when this process ends.
		MySQLContainer container = new MySQLContainer(IMAGE).withTmpFs(Map.of("/var/lib/mysql", "rw"));
		container.start();
		// MySQLContainer gives root the user's password: DDL runs as root.
		return new ZeroSetupServer(MySqlUrl.parse(container.getJdbcUrl()).withDatabase(""), "root", container.getPassword());
	}

}
