package dev.schemaclone.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The zero-setup default where Docker answers: a MySQL container with its data on tmpfs.
 */
class ZeroSetupContainerIT {

	@Test
	void startsAMySqlContainerWhoseRootMayCreateSchemas() {
		assumeTrue(ContainerServer.isDockerAvailable(), "needs a Docker engine to start a MySQL container; none answers here");
		ZeroSetupServer server = ContainerServer.start();
		assertThat(server.username()).isEqualTo("root");
		assertThat(server.url().toJdbcUrl()).startsWith("jdbc:mysql://");
	}

}
