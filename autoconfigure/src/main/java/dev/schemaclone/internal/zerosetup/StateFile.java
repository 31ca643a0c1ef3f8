package dev.schemaclone.internal.zerosetup;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * The file through which JVMs find the shared server: its port and directory (whose files
 * hold the process ids), the versions it was started for and who started it when; read
 * and written only under the {@link ServerLock}.
 */
final class StateFile {

	private final Path file;

	StateFile(Path file) {
		this.file = file;
	}

	/** Return the server the file names, running or not, or empty if it names none. */
	Optional<EmbeddedMariaDb> read() {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(this.file, StandardCharsets.UTF_8)) {
			properties.load(reader);
			return Optional.of(new EmbeddedMariaDb(Path.of(properties.getProperty("directory")),
					Integer.parseInt(properties.getProperty("port"))));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			// Unreadable, or written by another version: treated as naming no server.
			return Optional.empty();
		}
	}

	void write(EmbeddedMariaDb server, String key) {
		Properties properties = new Properties();
		properties.setProperty("port", String.valueOf(server.port()));
		properties.setProperty("directory", server.directory().toString());
		properties.setProperty("key", key);
		properties.setProperty("startedBy", String.valueOf(ProcessHandle.current().pid()));
		properties.setProperty("startedAt", Instant.now().toString());
		Path written = this.file.resolveSibling(this.file.getFileName() + ".new");
		try {
			try (Writer writer = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
				properties.store(writer, "The shared zero-setup MariaDB of schemaclone");
			}
			Files.move(written, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new SchemaCloneException("Cannot write %s: %s. Set '%s' to a directory you may write"
				.formatted(this.file, ex.getMessage(), ZeroSetupSettings.DIRECTORY), ex);
		}
	}

}
