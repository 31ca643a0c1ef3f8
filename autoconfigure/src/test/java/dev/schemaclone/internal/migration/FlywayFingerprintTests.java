package dev.schemaclone.internal.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FlywayFingerprintTests {

	@Test
	void sameConfigurationGivesTheSameFingerprint() {
		assertThat(FlywayFingerprint.of(Flyway.configure().locations("classpath:fidelity")))
			.isEqualTo(FlywayFingerprint.of(Flyway.configure().locations("classpath:fidelity")));
	}

	@Test
	void changedPlaceholderChangesTheFingerprint() {
		assertThat(FlywayFingerprint.of(Flyway.configure().placeholders(Map.of("a", "1"))))
			.isNotEqualTo(FlywayFingerprint.of(Flyway.configure().placeholders(Map.of("a", "2"))));
	}

	@Test
	void changedOrAddedMigrationChangesTheFingerprint(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("V1__a.sql"), "CREATE TABLE a (id INT);");
		MigrationFingerprint first = FlywayFingerprint.of(Flyway.configure().locations("filesystem:" + folder));
		Files.writeString(folder.resolve("V1__a.sql"), "CREATE TABLE a (id BIGINT);");
		MigrationFingerprint changed = FlywayFingerprint.of(Flyway.configure().locations("filesystem:" + folder));
		Files.writeString(folder.resolve("V2__b.sql"), "CREATE TABLE b (id INT);");
		MigrationFingerprint added = FlywayFingerprint.of(Flyway.configure().locations("filesystem:" + folder));
		assertThat(first).isNotEqualTo(changed);
		assertThat(changed).isNotEqualTo(added);
	}

	@Test
	void fingerprintDoesNotDependOnWhereTheFilesLie(@TempDir Path one, @TempDir Path two) throws Exception {
		Files.writeString(one.resolve("V1__a.sql"), "CREATE TABLE a (id INT);");
		Files.writeString(two.resolve("V1__a.sql"), "CREATE TABLE a (id INT);");
		assertThat(FlywayFingerprint.of(Flyway.configure().locations("filesystem:" + one)))
			.isEqualTo(FlywayFingerprint.of(Flyway.configure().locations("filesystem:" + two)));
	}

	@Test
	void otherHistoryTableChangesTheFingerprint() {
		assertThat(FlywayFingerprint.of(Flyway.configure().table("history")))
			.isNotEqualTo(FlywayFingerprint.of(Flyway.configure()));
		assertThat(FlywayFingerprint.of(Flyway.configure()).shortHex()).hasSize(16).matches("[0-9a-f]+");
	}

	@Test
	void aGrowingHistoryKeepsItsLineage(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("V1_1__first.sql"), "CREATE TABLE a (id INT);");
		Files.writeString(folder.resolve("V2__second.sql"), "CREATE TABLE b (id INT);");
		MigrationFingerprint first = FlywayFingerprint.of(Flyway.configure().locations("filesystem:" + folder));
		Files.writeString(folder.resolve("V10__third.sql"), "CREATE TABLE c (id INT);");
		Files.writeString(folder.resolve("R__view.sql"), "CREATE OR REPLACE VIEW v AS SELECT 1;");
		Files.writeString(folder.resolve("V2__second.sql"), "CREATE TABLE b (id BIGINT);");
		MigrationFingerprint grown = FlywayFingerprint.of(Flyway.configure().locations("filesystem:" + folder));
		assertThat(grown.hex()).isNotEqualTo(first.hex());
		assertThat(grown.lineage()).isEqualTo(first.lineage()).hasSize(16);
	}

	@Test
	void anotherApplicationsHistoryInTheSameLocationHasAnotherLineage(@TempDir Path one, @TempDir Path two)
			throws Exception {
		Files.writeString(one.resolve("V1__init.sql"), "CREATE TABLE orders (id INT);");
		Files.writeString(two.resolve("V1__init.sql"), "CREATE TABLE invoices (id INT);");
		assertThat(FlywayFingerprint.of(Flyway.configure().locations("filesystem:" + one)).lineage())
			.isNotEqualTo(FlywayFingerprint.of(Flyway.configure().locations("filesystem:" + two)).lineage());
	}

	@Test
	void theLowestVersionIsTheFirstMigrationWhateverTheFileOrder(@TempDir Path one, @TempDir Path two)
			throws Exception {
		Files.writeString(one.resolve("V9__later.sql"), "CREATE TABLE b (id INT);");
		Files.writeString(one.resolve("V10__latest.sql"), "CREATE TABLE c (id INT);");
		Files.writeString(two.resolve("V9__later.sql"), "CREATE TABLE b (id INT);");
		MigrationFingerprint withTen = FlywayFingerprint.of(Flyway.configure().locations("filesystem:" + one));
		MigrationFingerprint withoutTen = FlywayFingerprint.of(Flyway.configure().locations("filesystem:" + two));
		assertThat(withTen.lineage()).isEqualTo(withoutTen.lineage());
	}

}
