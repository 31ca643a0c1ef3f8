package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.Statement;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.testsupport.TestServer;

/**
 * A separate JVM whose "tests" keep using its clone for a while, for the lease tests.
 * Arguments: prefix, run id, seconds. It clones the template, prints
 * {@code CLONE <name>}, writes a row into its clone every half second for that long, then
 * makes one more clone (which needs its lease) and prints {@code PASSED <rows>}, or
 * {@code FAILED <error>} at the first failure.
 */
public final class LeaseClient {

	private LeaseClient() {
	}

	public static void main(String[] args) throws Exception {
		try (SchemaWorkspace workspace = SchemaWorkspace.open(TestServer.server(),
				TestTemplates.childSettings(args[0]))) {
			String clone = workspace.createClone(
					workspace.template(new FlywayMigrationSet(TestTemplates.counted(args[1], "classpath:appdb"))));
			System.out.println("CLONE " + clone);
			System.out.flush();
			long end = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
			int rows = 0;
			while (System.nanoTime() < end) {
				try (Connection connection = workspace.server().open(clone);
						Statement statement = connection.createStatement()) {
					statement.execute("INSERT INTO person (name) VALUES ('written by a running test')");
					rows++;
				}
				Thread.sleep(500);
			}
			workspace.createClone(
					workspace.template(new FlywayMigrationSet(TestTemplates.counted(args[1], "classpath:appdb"))));
			System.out.println("PASSED " + rows);
			workspace.endClones();
		}
		catch (RuntimeException ex) {
			System.out.println("FAILED " + ex.getMessage().replace('\n', ' '));
			System.exit(3);
		}
	}

}
