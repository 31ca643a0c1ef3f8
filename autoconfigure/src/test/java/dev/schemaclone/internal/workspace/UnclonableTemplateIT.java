package dev.schemaclone.internal.workspace;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.server.SchemaCloneException;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A template holding an object no clone could reproduce fails its build, naming the
 * object, instead of every clone differing from it without a word.
 */
class UnclonableTemplateIT {

	private static final String PREFIX = "it_unclonable";

	private static SchemaWorkspace workspace;

	@BeforeAll
	static void openWorkspace() {
		TestServer.dropAll(PREFIX);
		workspace = TestTemplates.workspace(PREFIX);
	}

	@AfterAll
	static void dropSchemas() {
		workspace.close();
		TestServer.dropAll(PREFIX);
	}

	@Test
	void mergeTableFailsTheBuildNamingTheTableAndItsEngine() {
		assertThatExceptionOfType(SchemaCloneException.class).isThrownBy(
				() -> workspace.template(new FlywayMigrationSet(Flyway.configure().locations("classpath:unclonable"))))
			.withMessageContaining("table 'log_all' uses the MRG_MyISAM engine, whose rows a copy cannot reproduce");
		assertThatExceptionOfType(SchemaCloneException.class).as("a second build is refused fast, with the same cause")
			.isThrownBy(() -> workspace
				.template(new FlywayMigrationSet(Flyway.configure().locations("classpath:unclonable"))))
			.withMessageContaining("log_all");
	}

}
