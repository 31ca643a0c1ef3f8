package dev.schemaclone.internal.migration;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration set is fingerprinted once per process: the contexts after the first read no
 * file, unless a file outside the class path changed.
 */
class FingerprintCacheTests {

	@Test
	void migrationsOnTheClassPathAreReadOncePerClassLoader(@TempDir Path root) throws Exception {
		Path folder = Files.createDirectories(root.resolve("db/cached"));
		Files.writeString(folder.resolve("V1__a.sql"), "CREATE TABLE a (id INT);");
		try (URLClassLoader first = new URLClassLoader(new URL[] { root.toUri().toURL() }, getClass().getClassLoader());
				URLClassLoader second = new URLClassLoader(new URL[] { root.toUri().toURL() },
						getClass().getClassLoader())) {
			MigrationFingerprint before = fingerprint(classPath(first));
			Files.writeString(folder.resolve("V1__a.sql"), "CREATE TABLE a (id BIGINT);");
			assertThat(FlywayFingerprint.of(classPath(first))).as("the files as they are now").isNotEqualTo(before);
			assertThat(fingerprint(classPath(first))).as("the same class path again").isEqualTo(before);
			assertThat(fingerprint(classPath(second))).as("another class loader").isNotEqualTo(before);
		}
	}

	@Test
	void migrationsOutsideTheClassPathAreReadAgainWhenTheyChange(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("V1__a.sql"), "CREATE TABLE a (id INT);");
		MigrationFingerprint before = fingerprint(Flyway.configure().locations("filesystem:" + folder));
		assertThat(fingerprint(Flyway.configure().locations("filesystem:" + folder))).isEqualTo(before);
		Files.writeString(folder.resolve("V1__a.sql"), "CREATE TABLE a (id BIGINT);");
		MigrationFingerprint changed = fingerprint(Flyway.configure().locations("filesystem:" + folder));
		assertThat(changed).isNotEqualTo(before)
			.isEqualTo(FlywayFingerprint.of(Flyway.configure().locations("filesystem:" + folder)));
	}

	@Test
	void aSameSizeEditThatKeepsTheModificationTimeIsReadAgain(@TempDir Path folder) throws Exception {
		Path script = folder.resolve("V1__a.sql");
		Files.writeString(script, "CREATE TABLE a (id INT);");
		FileTime written = Files.getLastModifiedTime(script);
		MigrationFingerprint before = fingerprint(Flyway.configure().locations("filesystem:" + folder));
		// Past the file system's clock tick, as any edit by hand is.
		Thread.sleep(50);
		// As cp -p, rsync -a, tar or an editor that keeps the time leave it.
		Files.writeString(script, "CREATE TABLE b (id INT);");
		Files.setLastModifiedTime(script, written);
		MigrationFingerprint changed = FlywayFingerprint.of(Flyway.configure().locations("filesystem:" + folder));
		assertThat(changed).as("the files as they are now").isNotEqualTo(before);
		assertThat(fingerprint(Flyway.configure().locations("filesystem:" + folder))).isEqualTo(changed);
	}

	@Test
	void otherSettingsAreAnotherMigrationSet() {
		MigrationFingerprint plain = fingerprint(Flyway.configure().locations("classpath:fidelity"));
		assertThat(fingerprint(Flyway.configure().locations("classpath:fidelity").table("history")))
			.isNotEqualTo(plain);
		assertThat(fingerprint(Flyway.configure().locations("classpath:fidelity"))).isEqualTo(plain);
	}

	private static FluentConfiguration classPath(ClassLoader classLoader) {
		return Flyway.configure(classLoader).locations("classpath:db/cached");
	}

	private static MigrationFingerprint fingerprint(FluentConfiguration configuration) {
		return new FlywayMigrationSet(configuration).fingerprint();
	}

}
