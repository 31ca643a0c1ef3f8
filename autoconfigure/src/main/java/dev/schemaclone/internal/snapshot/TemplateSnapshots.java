package dev.schemaclone.internal.snapshot;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.copy.TemplateImage;
import dev.schemaclone.internal.server.DatabaseServer;

/**
 * The snapshots in one directory, one file per migration set and server release, named
 * {@code <lineage>-<fingerprint>-<product>-<version>-<settings>.snapshot}: found for a
 * template before it is built, and written after a build from history, in the background.
 * A file is written under a name of its own and moved into place atomically, so that
 * processes writing the same snapshot at once, and those reading it, each see one whole
 * file. After a write, the older snapshots of the same lineage on the same server release
 * beyond the most recently used few are deleted, so that a directory kept by a CI cache
 * does not grow with every change of the migrations.
 */
public final class TemplateSnapshots {

	private static final Log logger = LogFactory.getLog(TemplateSnapshots.class);

	private static final String SUFFIX = ".snapshot";

	/**
	 * Snapshots kept per lineage and server release: as many as templates kept per
	 * lineage on a server, so that switching branches back and forth restores each.
	 */
	static final int KEEP_PER_LINEAGE = 3;

	/**
	 * Age after which a temporary file is the leftover of a writer that was killed, not
	 * one being written.
	 */
	private static final Duration ABANDONED = Duration.ofHours(1);

	/** How long the end of a JVM waits for a snapshot being written. */
	private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

	private static final ExecutorService writer = startWriter();

	/** The snapshots this JVM marked used for templates it found ready. */
	private static final Set<String> markedUsed = ConcurrentHashMap.newKeySet();

	private final Path directory;

	public TemplateSnapshots(Path directory) {
		this.directory = directory;
	}

	/**
	 * Return the snapshot of a template for the server a connection is on, read whole; or
	 * {@code null}, said why in one INFO line: none was taken, only on another server
	 * release or of other migrations, or the file cannot be read.
	 * @param connection a connection to the server
	 * @param template the template's name
	 * @param fingerprint the full fingerprint of its migration set
	 * @param lineage the lineage of its migration set
	 * @return the snapshot, or {@code null}
	 */
	public @Nullable TemplateSnapshot find(Connection connection, String template, String fingerprint, String lineage)
			throws SQLException {
		ServerRelease release = ServerRelease.of(connection);
		Path file = this.directory.resolve(fileName(lineage, fingerprint, release));
		if (!Files.isRegularFile(file)) {
			logger.info(whyNone(template, lineage, fingerprint, release));
			return null;
		}
		try {
			TemplateSnapshot snapshot = TemplateSnapshot.read(file);
			if (!snapshot.fingerprint().equals(fingerprint) || !snapshot.release().equals(release)) {
				throw new IOException(
						"it holds a snapshot of %s on %s".formatted(snapshot.fingerprint(), snapshot.release()));
			}
			return snapshot;
		}
		catch (IOException | RuntimeException ex) {
			logger.info("Ignoring snapshot %s, which cannot be read (%s); building template '%s' from history"
				.formatted(file, ex.getMessage(), template));
			return null;
		}
	}

	private String whyNone(String template, String lineage, String fingerprint, ServerRelease release) {
		List<String> sameMigrations = new ArrayList<>();
		boolean sameLineage = false;
		// No directory yet, or none to read, lists nothing: no snapshot either way.
		for (Path file : matching(lineage + "-*" + SUFFIX)) {
			String name = file.getFileName().toString();
			sameLineage = true;
			if (name.startsWith(lineage + "-" + fingerprint + "-")) {
				sameMigrations
					.add(name.substring(lineage.length() + fingerprint.length() + 2, name.length() - SUFFIX.length()));
			}
		}
		if (!sameMigrations.isEmpty()) {
			return "The snapshot of template '%s' in %s was taken on %s, and this server is %s; building it from history"
				.formatted(template, this.directory, String.join(", ", sameMigrations), release.tag());
		}
		if (sameLineage) {
			return "The snapshots in %s are of other versions of these migrations (one was changed or added since); building template '%s' from history"
				.formatted(this.directory, template);
		}
		return "No snapshot of template '%s' in %s; building it from history".formatted(template, this.directory);
	}

	/**
	 * Write a snapshot of a ready template in the background; the end of the JVM waits
	 * for it a while. A template that is gone by then, or a directory that cannot be
	 * written, leaves no snapshot and an INFO line.
	 * @param server the server
	 * @param template the ready template
	 * @param fingerprint the full fingerprint of its migration set
	 * @param lineage the lineage of its migration set
	 * @param migrations how many migrations it ran
	 * @param buildMillis how long its build took
	 */
	public void writeLater(DatabaseServer server, String template, String fingerprint, String lineage, int migrations,
			long buildMillis) {
		writer.execute(() -> write(server, template, fingerprint, lineage, migrations, buildMillis));
	}

	/**
	 * Write a snapshot of a ready template now, as {@link #writeLater} does.
	 */
	public void write(DatabaseServer server, String template, String fingerprint, String lineage, int migrations,
			long buildMillis) {
		long start = System.nanoTime();
		Path temporary = null;
		try (Connection connection = server.open()) {
			ServerRelease release = ServerRelease.of(connection);
			TemplateImage image = TemplateImage.read(connection, template);
			Path file = this.directory.resolve(fileName(lineage, fingerprint, release));
			Files.createDirectories(this.directory);
			temporary = Files.createTempFile(this.directory, "." + file.getFileName(), ".tmp");
			new TemplateSnapshot(file, fingerprint, release, migrations, buildMillis, image).write(temporary);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			logger.info("Wrote snapshot of template '%s' to %s (%d KB) in %d ms".formatted(template, file,
					Files.size(file) / 1024, Duration.ofNanos(System.nanoTime() - start).toMillis()));
			prune(lineage, release);
		}
		catch (AtomicMoveNotSupportedException ex) {
			logger.info("Wrote no snapshot of template '%s': %s cannot replace a file atomically".formatted(template,
					this.directory));
		}
		catch (IOException | SQLException | RuntimeException ex) {
			logger.info("Wrote no snapshot of template '%s' to %s: %s".formatted(template, this.directory,
					ex.getMessage()));
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	/**
	 * Delete the snapshots of a lineage on a server release beyond the
	 * {@value #KEEP_PER_LINEAGE} most recently used (a restore, or a template found ready
	 * on the server, marks its file used), and temporary files that writers killed
	 * mid-write left. Best effort: a file that cannot be deleted stays for the next
	 * write.
	 * @param lineage the lineage
	 * @param release the server release
	 */
	void prune(String lineage, ServerRelease release) {
		List<Path> snapshots = matching(lineage + "-*-" + release.tag() + SUFFIX);
		snapshots.sort(Comparator.comparing(TemplateSnapshots::lastUsed).reversed());
		snapshots.stream().skip(KEEP_PER_LINEAGE).forEach(TemplateSnapshots::deleteQuietly);
		Instant abandoned = Instant.now().minus(ABANDONED);
		matching(".*" + SUFFIX + "*.tmp").stream()
			.filter((file) -> lastUsed(file).isBefore(abandoned))
			.forEach(TemplateSnapshots::deleteQuietly);
	}

	/**
	 * Return the files of the directory whose names match a glob, none if it cannot be
	 * listed.
	 */
	private List<Path> matching(String glob) {
		List<Path> matching = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory, glob)) {
			files.forEach(matching::add);
		}
		catch (IOException ex) {
			logger.debug("Could not list " + this.directory + ": " + ex.getMessage());
		}
		return matching;
	}

	/**
	 * Mark the snapshot of a migration set on the server a connection is on used now, if
	 * there is one, once per JVM: a template found ready on the server is used as much as
	 * one restored from its snapshot, and pruning keeps the snapshot among the most
	 * recently used. Best effort, as marking a restored one is.
	 * @param connection a connection to the server
	 * @param fingerprint the full fingerprint of the migration set
	 * @param lineage the lineage of the migration set
	 */
	public void markUsed(Connection connection, String fingerprint, String lineage) {
		if (!markedUsed.add(this.directory.toAbsolutePath() + "|" + fingerprint)) {
			return;
		}
		try {
			Path file = this.directory.resolve(fileName(lineage, fingerprint, ServerRelease.of(connection)));
			if (Files.isRegularFile(file)) {
				markUsed(file);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not mark the snapshot of " + fingerprint + " used: " + ex.getMessage());
		}
	}

	/**
	 * Mark a snapshot used now, so that pruning keeps it among the most recently used.
	 * @param file the snapshot's file
	 */
	static void markUsed(Path file) {
		try {
			Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
		}
		catch (IOException ex) {
			logger.debug("Could not mark " + file + " used: " + ex.getMessage());
		}
	}

	private static Instant lastUsed(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			// Gone meanwhile: nothing to keep.
			return Instant.MIN;
		}
	}

	static String fileName(String lineage, String fingerprint, ServerRelease release) {
		return lineage + "-" + fingerprint + "-" + release.tag() + SUFFIX;
	}

	private static void deleteQuietly(@Nullable Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				logger.debug("Could not delete " + file + ": " + ex.getMessage());
			}
		}
	}

	/**
	 * Start the one thread that writes snapshots, and let the end of the JVM wait a while
	 * for what it writes: a short test run ends soon after its template is built.
	 */
	private static ExecutorService startWriter() {
		ExecutorService executor = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "schemaclone-snapshot");
			thread.setDaemon(true);
			return thread;
		});
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			executor.shutdown();
			try {
				executor.awaitTermination(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "schemaclone-snapshot-exit"));
		return executor;
	}

}
