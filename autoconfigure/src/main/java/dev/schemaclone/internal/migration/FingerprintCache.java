package dev.schemaclone.internal.migration;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * The fingerprints this process computed, each by everything it depends on: the settings
 * of the migration set, the class loader its class-path files come from (the class path
 * of a running process does not change) and, for files outside the class path, their
 * names, sizes and modification times. The contexts of one set after the first read no
 * migration file again.
 */
final class FingerprintCache {

	/**
	 * How many migration sets are remembered: a test JVM has one or a few; the bound
	 * keeps class loaders of finished ones from piling up.
	 */
	private static final int SIZE = 32;

	private static final Map<List<Object>, MigrationFingerprint> fingerprints = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<List<Object>, MigrationFingerprint> eldest) {
			return size() > SIZE;
		}

	};

	private FingerprintCache() {
	}

	/**
	 * Return the fingerprint computed before for a key, or compute it now. Two threads
	 * that miss at once both compute it, and find the same.
	 * @param key everything the fingerprint depends on
	 * @param fingerprint computes it
	 * @return the fingerprint
	 */
	static MigrationFingerprint get(List<Object> key, Supplier<MigrationFingerprint> fingerprint) {
		synchronized (fingerprints) {
			MigrationFingerprint known = fingerprints.get(key);
			if (known != null) {
				return known;
			}
		}
		MigrationFingerprint computed = fingerprint.get();
		synchronized (fingerprints) {
			fingerprints.put(key, computed);
		}
		return computed;
	}

	/**
	 * Return what tells the files below a folder outside the class path from an edited
	 * version of them: each one's path, size and modification time, and where the file
	 * system has them its change time and file number, which no tool sets back (a copy
	 * that keeps the modification time, {@code cp -p} or {@code rsync -a}, changes them).
	 * @param folder the folder, which need not exist
	 * @return the files' state, in path order
	 */
	static List<String> filesBelow(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		boolean unix = folder.getFileSystem().supportedFileAttributeViews().contains("unix");
		Map<Path, String> files = new TreeMap<>();
		try {
			Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
					new SimpleFileVisitor<>() {

						@Override
						public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
							if (attributes.isRegularFile()) {
								files.put(file,
										file + ":" + attributes.size() + ":"
												+ attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)
												+ (unix ? ":" + Files.readAttributes(file, "unix:ctime,ino,dev") : ""));
							}
							return FileVisitResult.CONTINUE;
						}

					});
		}
		catch (IOException ex) {
			throw new SchemaCloneException("Cannot read migrations at '%s': %s".formatted(folder, ex.getMessage()), ex);
		}
		return List.copyOf(files.values());
	}

}
