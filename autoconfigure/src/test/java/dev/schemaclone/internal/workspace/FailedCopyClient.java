package dev.schemaclone.internal.workspace;

import java.time.Duration;

import org.flywaydb.core.Flyway;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.testsupport.TestServer;

/**
 * A separate JVM that keeps copies of a failed test's clone, for the tests of the trim of
 * those copies across processes. Arguments: prefix, how many copies the server keeps, and
 * the wall-clock millisecond at which to start keeping, so that several JVMs keep at
 * once. Prints {@code KEPT <name>} per copy, then {@code ENDED}.
 */
public final class FailedCopyClient {

	private FailedCopyClient() {
	}

	public static void main(String[] args) throws Exception {
		int limit = Integer.parseInt(args[1]);
		try (SchemaWorkspace workspace = SchemaWorkspace.open(TestServer.server(),
				new WorkspaceSettings(args[0], Duration.ofSeconds(120), Duration.ofSeconds(120), 0, 1, 0, limit)
					.withLeaseGrace(TestTemplates.CHILD_LEASE_GRACE))) {
			String clone = workspace.createClone(
					workspace.template(new FlywayMigrationSet(Flyway.configure().locations("classpath:appdb"))));
			Thread.sleep(Math.max(0, Long.parseLong(args[2]) - System.currentTimeMillis()));
			for (int i = 0; i < limit; i++) {
				System.out.println("KEPT " + workspace.keepFailed(clone));
			}
			workspace.endClones();
		}
		System.out.println("ENDED");
	}

}
