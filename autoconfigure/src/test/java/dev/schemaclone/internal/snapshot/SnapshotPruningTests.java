package dev.schemaclone.internal.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What pruning a snapshot directory keeps: the most recently used snapshots of one
 * lineage on one server release, everything of other lineages and releases, and temporary
 * files that may still be being written.
 */
class SnapshotPruningTests {

	private static final ServerRelease RELEASE = new ServerRelease("MariaDB", "10.11.19", "1a2b3c4d");

	private static final ServerRelease OTHER_RELEASE = new ServerRelease("MariaDB", "11.4.5", "1a2b3c4d");

	@TempDir
	Path directory;

	@Test
	void keepsTheMostRecentlyUsedSnapshotsOfTheLineageOnTheRelease() throws IOException {
		Instant now = Instant.now();
		for (int age = 1; age <= 6; age++) {
			file(TemplateSnapshots.fileName("aaaa", "f" + age, RELEASE), now.minus(Duration.ofDays(age)));
		}
		// Restored just now: used most recently, whatever its age.
		Path restored = file(TemplateSnapshots.fileName("aaaa", "f9", RELEASE), now.minus(Duration.ofDays(30)));
		TemplateSnapshots.markUsed(restored);
		Path otherLineage = file(TemplateSnapshots.fileName("bbbb", "f1", RELEASE), now.minus(Duration.ofDays(40)));
		Path otherRelease = file(TemplateSnapshots.fileName("aaaa", "f1", OTHER_RELEASE),
				now.minus(Duration.ofDays(40)));

		new TemplateSnapshots(this.directory).prune("aaaa", RELEASE);

		assertThat(names()).containsExactlyInAnyOrder(restored.getFileName().toString(),
				TemplateSnapshots.fileName("aaaa", "f1", RELEASE), TemplateSnapshots.fileName("aaaa", "f2", RELEASE),
				otherLineage.getFileName().toString(), otherRelease.getFileName().toString());
	}

	@Test
	void deletesOnlyTemporaryFilesOldEnoughToBeAbandoned() throws IOException {
		Instant now = Instant.now();
		String name = TemplateSnapshots.fileName("aaaa", "f1", RELEASE);
		Path abandoned = file("." + name + "123.tmp", now.minus(Duration.ofHours(2)));
		Path writing = file("." + name + "456.tmp", now);

		new TemplateSnapshots(this.directory).prune("aaaa", RELEASE);

		assertThat(abandoned).doesNotExist();
		assertThat(writing).exists();
	}

	private Path file(String name, Instant modified) throws IOException {
		Path file = Files.writeString(this.directory.resolve(name), name);
		Files.setLastModifiedTime(file, FileTime.from(modified));
		return file;
	}

	private List<String> names() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

}
