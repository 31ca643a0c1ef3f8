package dev.schemaclone.internal.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.schemaclone.internal.workspace.TestTemplates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What changes the fingerprint of a Liquibase set-up, and what keeps its lineage.
 */
class LiquibaseMigrationSetTests {

	private static final String PERSON = "classpath:liquibase/person/db.changelog-master.yaml";

	@Test
	void contextsLabelsAndParametersChangeTheFingerprint() {
		MigrationFingerprint plain = fingerprint(PERSON, (liquibase) -> {
		});
		assertThat(fingerprint(PERSON, (liquibase) -> {
		})).isEqualTo(plain);
		assertThat(fingerprint(PERSON, (liquibase) -> liquibase.setContexts("reference"))).isNotEqualTo(plain);
		assertThat(fingerprint(PERSON, (liquibase) -> liquibase.setLabelFilter("people"))).isNotEqualTo(plain);
		assertThat(fingerprint(PERSON, (liquibase) -> liquibase.setChangeLogParameters(Map.of("extraPerson", "Ada"))))
			.isNotEqualTo(plain);
	}

	@Test
	void aChangedOrAddedFileChangesTheFingerprintButNotTheLineage(@TempDir Path folder) throws Exception {
		Path changes = Files.createDirectories(folder.resolve("changes"));
		Files.writeString(folder.resolve("master.yaml"),
				"databaseChangeLog:\n  - includeAll:\n      path: changes/\n      relativeToChangelogFile: true\n");
		Files.writeString(changes.resolve("001.sql"),
				"--liquibase formatted sql\n--changeset a:1\nCREATE TABLE a (id INT);\n");
		String changeLog = "file:" + folder.resolve("master.yaml");
		MigrationFingerprint first = fingerprint(changeLog, (liquibase) -> {
		});
		Files.writeString(changes.resolve("002.sql"),
				"--liquibase formatted sql\n--changeset a:2\nCREATE TABLE b (id INT);\n");
		MigrationFingerprint added = fingerprint(changeLog, (liquibase) -> {
		});
		Files.writeString(changes.resolve("002.sql"),
				"--liquibase formatted sql\n--changeset a:2\nCREATE TABLE b (id BIGINT);\n");
		MigrationFingerprint changed = fingerprint(changeLog, (liquibase) -> {
		});
		assertThat(added.hex()).isNotEqualTo(first.hex());
		assertThat(changed.hex()).isNotEqualTo(added.hex());
		assertThat(changed.lineage()).isEqualTo(added.lineage()).isEqualTo(first.lineage());
	}

	private static MigrationFingerprint fingerprint(String changeLog, Consumer<SpringLiquibase> customizer) {
		SpringLiquibase liquibase = TestTemplates.liquibase(changeLog, Map.of());
		customizer.accept(liquibase);
		return new LiquibaseMigrationSet(liquibase).fingerprint();
	}

}
