package dev.schemaclone.internal.migration;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

	/**
	 * Seeded random edits of a file-system folder, as a developer and their tools make
	 * them between two contexts of one JVM: after each, the cached fingerprint is the one
	 * of the files as they are, computed without the cache.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void seededEditsAlwaysGiveTheFingerprintOfTheFilesAsTheyAre(long seed, @TempDir Path folder) throws Exception {
		Random random = new Random(seed);
		for (int step = 0; step < 30; step++) {
			// Past the file system's clock tick, as edits between two contexts are.
			Thread.sleep(15);
			Path script = folder.resolve("V" + (1 + random.nextInt(4)) + "__step.sql");
			boolean exists = Files.exists(script);
			switch (exists ? random.nextInt(5) : 0) {
				case 0 -> Files.writeString(script, table(random));
				case 1 -> Files.delete(script);
				case 2 -> Files.writeString(script, table(random) + " -- longer");
				case 3 -> {
					FileTime written = Files.getLastModifiedTime(script);
					Files.writeString(script, table(random));
					Files.setLastModifiedTime(script, written);
				}
				default -> Files.move(script, folder.resolve("V" + (5 + step) + "__moved.sql"));
			}
			FluentConfiguration configuration = Flyway.configure().locations("filesystem:" + folder);
			assertThat(fingerprint(configuration)).as("seed %d, step %d", seed, step)
				.isEqualTo(FlywayFingerprint.of(configuration));
		}
	}

	/**
	 * Return a migration of one size whatever the table it creates.
	 */
	private static String table(Random random) {
		return "CREATE TABLE t" + (char) ('a' + random.nextInt(26)) + " (id INT);";
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
