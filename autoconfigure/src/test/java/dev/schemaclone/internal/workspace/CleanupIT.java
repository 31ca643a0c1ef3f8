package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clean-up is best effort: a schema left by an ended run that a developer holds open in a
 * SQL client (a transaction in manual-commit mode) costs the next run one short wait and
 * one warning, never its start; a later run drops it.
 */
@ExtendWith(OutputCaptureExtension.class)
class CleanupIT {

	private static final String PREFIX = "it_cleanup";

	@RegisterExtension
	static final SchemaPrefix schemas = new SchemaPrefix(PREFIX);

	@Test
	void keptSchemaHeldOpenInAnotherSessionCostsTheNextRunOneWarningAndALaterRunDropsIt(CapturedOutput output)
			throws Exception {
		String kept;
		try (SchemaWorkspace first = TestTemplates.workspace(PREFIX)) {
			kept = first
				.createClone(first.template(new FlywayMigrationSet(Flyway.configure().locations("classpath:appdb"))));
			first.keep(kept);
			first.endClones();
		}
		try (Connection client = TestServer.server().open(kept); Statement statement = client.createStatement()) {
			client.setAutoCommit(false);
			statement.executeQuery("SELECT * FROM person").close();
			long start = System.nanoTime();
			try (SchemaWorkspace next = TestTemplates.workspace(PREFIX)) {
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
				next.createClone(
						next.template(new FlywayMigrationSet(Flyway.configure().locations("classpath:appdb"))));
				next.endClones();
			}
			assertThat(TestServer.schemasLike(kept)).containsExactly(kept);
			assertThat(output.getOut().lines().filter((line) -> line.contains("WARN") && line.contains(kept)))
				.singleElement()
				.asString()
				.contains("Lock wait timeout exceeded", "it is in use by connection id", "the next run tries again");
			client.rollback();
		}
		try (SchemaWorkspace later = TestTemplates.workspace(PREFIX)) {
			assertThat(TestServer.schemasLike(kept)).isEmpty();
		}
	}

}
