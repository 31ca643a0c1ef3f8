package dev.schemaclone.load;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.schemaclone.autoconfigure.SchemaCloneProperties;
import dev.schemaclone.testsupport.ChildJvm;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three forks holding 32 cached contexts each fit in a default server's max_connections:
 * each clone's pool defaults to 4 connections with 1 idle, where Hikari's default of 10
 * idle would need 960.
 */
class ConnectionBudgetIT {

	@Test
	void threeForksOfThirtyTwoContextsFitTheServer() throws Exception {
		List<ChildJvm> forks = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				forks.add(ChildJvm.start(ManyContexts.class));
			}
			for (ChildJvm fork : forks) {
				assertThat(fork.awaitLine("HOLDING ", 300)).isEqualTo(String.valueOf(ManyContexts.CONTEXTS));
			}
			// SHOW GLOBAL STATUS answers on both; MySQL 8 has no
			// information_schema.GLOBAL_STATUS.
			int connected = queryInt("SHOW GLOBAL STATUS LIKE 'Threads_connected'", 2);
			int max = queryInt("SELECT @@max_connections", 1);
			assertThat(connected).as("connections while 96 contexts are cached").isLessThan(Math.min(max, 151));
		}
		finally {
			for (ChildJvm fork : forks) {
				fork.terminate(60);
			}
		}
		int warm = queryInt("SELECT COUNT(*) FROM it_load_registry.owned_schema WHERE state = 'WARM'", 1);
		assertThat(queryInt(
				"SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'it\\_load\\_c\\_%'", 1))
			.as("clones left after the forks ended, all warm for the next run, within keep-warm")
			.isEqualTo(warm)
			.isLessThanOrEqualTo(new SchemaCloneProperties().getKeepWarm());
		assertThat(queryInt("SELECT COUNT(*) FROM it_load_registry.owned_schema WHERE state = 'CLONE'", 1)).isZero();
	}

	private static int queryInt(String sql, int column) throws Exception {
		try (var connection = TestServer.server().open();
				var statement = connection.createStatement();
				var result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(column);
		}
	}

}
