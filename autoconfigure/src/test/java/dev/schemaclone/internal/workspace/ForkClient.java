package dev.schemaclone.internal.workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.testsupport.TestServer;

/**
 * A separate JVM standing for one fork of a build: it starts contexts one after another,
 * each reserving its schema and filling it from the template as the auto-configuration
 * does, then ends its clones as the end of a test JVM does. Arguments: prefix, run id,
 * number of contexts, the index of the context before which to wait until a file exists
 * (-1 for none), that file, then Flyway locations. Prints {@code PAUSED} while it waits,
 * {@code CONTEXT <i> <schema>} for each context, and {@code ENDED}.
 */
public final class ForkClient {

	private ForkClient() {
	}

	public static void main(String[] args) throws Exception {
		int contexts = Integer.parseInt(args[2]);
		int pauseBefore = Integer.parseInt(args[3]);
		Path go = Path.of(args[4]);
		String[] locations = Arrays.copyOfRange(args, 5, args.length);
		try (SchemaWorkspace workspace = SchemaWorkspace.open(TestServer.server(),
				new WorkspaceSettings(args[0], Duration.ofSeconds(120), Duration.ofSeconds(120), 0,
						WorkspaceSettings.DEFAULT_CLONE_CONNECTIONS, 16, 0)
					.withLeaseGrace(TestTemplates.CHILD_LEASE_GRACE))) {
			for (int i = 0; i < contexts; i++) {
				if (i == pauseBefore) {
					System.out.println("PAUSED");
					System.out.flush();
					long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
					while (!Files.exists(go) && System.nanoTime() < deadline) {
						Thread.sleep(50);
					}
				}
				ReservedSchema reserved = workspace.reserve(WarmClonesIT.APPLICATION);
				workspace.completeFrom(reserved,
						workspace.template(new FlywayMigrationSet(TestTemplates.counted(args[1], locations))));
				System.out.println("CONTEXT " + i + " " + reserved.name());
				System.out.flush();
			}
			workspace.endClones();
		}
		System.out.println("ENDED");
	}

}
