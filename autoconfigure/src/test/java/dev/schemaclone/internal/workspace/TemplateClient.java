package dev.schemaclone.internal.workspace;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.migration.MigrationSet;
import dev.schemaclone.internal.server.SchemaCloneException;
import dev.schemaclone.testsupport.TestServer;

/**
 * A separate JVM for multi-process tests: builds (or waits for) a template, clones it,
 * prints {@code TEMPLATE <name>} and {@code CLONE <name>} and, with {@code hold}, stays
 * alive until it is killed.
 *
 * Arguments: prefix, run id, {@code hold} or {@code exit}, then extra Flyway locations,
 * or {@value #LIQUIBASE} for the counted Liquibase change log.
 */
public final class TemplateClient {

	static final String LIQUIBASE = "liquibase";

	private TemplateClient() {
	}

	public static void main(String[] args) throws InterruptedException {
		String[] locations = java.util.Arrays.copyOfRange(args, 3, args.length);
		try (SchemaWorkspace workspace = SchemaWorkspace.open(TestServer.server(),
				TestTemplates.childSettings(args[0]))) {
			MigrationSet migrations = (locations.length == 1 && locations[0].equals(LIQUIBASE))
					? TestTemplates.countedLiquibase(args[1])
					: new FlywayMigrationSet(TestTemplates.counted(args[1], locations));
			String template = workspace.template(migrations);
			String clone = workspace.createClone(template);
			System.out.println("TEMPLATE " + template);
			System.out.println("CLONE " + clone);
			System.out.flush();
			if (args[2].equals("hold")) {
				Thread.sleep(Long.MAX_VALUE);
			}
		}
		catch (SchemaCloneException ex) {
			System.out.println("ERROR " + ex.getMessage().replace('\n', ' '));
			System.exit(3);
		}
	}

}
