package dev.schemaclone.internal.workspace;

import java.time.Duration;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.testsupport.TestServer;

/**
 * A separate JVM for the warm-clone tests. Arguments: prefix, run id, mode, then Flyway
 * locations. Modes:
 * <ul>
 * <li>{@code park N}: make N clones of the template, write a row into each, print
 * {@code CLONE <i> <name>} for each, then {@code PARKING}, wait a moment, and end them:
 * kept warm up to 16 per template;</li>
 * <li>{@code claim}: reserve a schema for a first context and print
 * {@code RESERVED <name> <template or null>}, and drop it at exit.</li>
 * </ul>
 */
public final class WarmClient {

	private WarmClient() {
	}

	public static void main(String[] args) throws Exception {
		boolean park = args[2].equals("park");
		int locationsFrom = park ? 4 : 3;
		String[] locations = java.util.Arrays.copyOfRange(args, locationsFrom, args.length);
		try (SchemaWorkspace workspace = SchemaWorkspace.open(TestServer.server(),
				new WorkspaceSettings(args[0], Duration.ofSeconds(120), Duration.ofSeconds(120), 0,
						WorkspaceSettings.DEFAULT_CLONE_CONNECTIONS, park ? 16 : 0, 0)
					.withLeaseGrace(TestTemplates.CHILD_LEASE_GRACE))) {
			if (park) {
				String template = workspace.template(new FlywayMigrationSet(TestTemplates.counted(args[1], locations)));
				for (int i = 0; i < Integer.parseInt(args[3]); i++) {
					String clone = workspace.createClone(template);
					TestServer.execute("INSERT INTO `" + clone + "`.person (name) VALUES ('written before parking')");
					System.out.println("CLONE " + i + " " + clone);
				}
				System.out.println("PARKING");
				System.out.flush();
				Thread.sleep(2000);
			}
			else {
				ReservedSchema reserved = workspace.reserve(WarmClonesIT.APPLICATION);
				System.out.println("RESERVED " + reserved.name() + " " + reserved.filledFrom());
			}
			System.out.flush();
			workspace.endClones();
		}
		System.out.println("ENDED");
	}

}
