package dev.schemaclone.internal.zerosetup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.util.FileSystemUtils;

import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * Creates a MariaDB data directory with {@code mariadb-install-db}, its bootstrap server
 * on a temporary directory of its own, and tries once more after a failure.
 */
final class DataDirectoryInstall {

	/** A healthy install takes seconds; a busy machine may make that a minute. */
	private static final long TIMEOUT_SECONDS = 180;

	private DataDirectoryInstall() {
	}

	/**
	 * Install into {@code data}, with scratch space and the output of each attempt in
	 * {@code work}.
	 */
	static void run(MariaDbBinaries binaries, Path data, Path work) {
		String firstFailure = attempt(binaries, data, work, 1);
		if (firstFailure == null) {
			return;
		}
		String secondFailure = attempt(binaries, data, work, 2);
		if (secondFailure != null) {
			throw new SchemaCloneException(
					("Could not install the zero-setup MariaDB's data directory in %s, tried twice: %s "
							+ "(first try: %s). Check free space in that file system, or set '%s' to a directory elsewhere; "
							+ "or set 'spring.datasource.url' to a MySQL or MariaDB server")
						.formatted(data, secondFailure, firstFailure, ZeroSetupSettings.DIRECTORY));
		}
	}

	/** Return why the attempt failed, or {@code null} if it succeeded. */
	private static @Nullable String attempt(MariaDbBinaries binaries, Path data, Path work, int number) {
		try {
			// Each attempt starts from nothing: a half-written data directory or a
			// temporary table
			// left by the one before is what made installs fail.
			FileSystemUtils.deleteRecursively(data);
			Path tmp = Files.createDirectories(work.resolve("install-tmp-" + number));
			Path log = work.resolve("install-" + number + ".log");
			ProcessBuilder builder = new ProcessBuilder(
					List.of(binaries.installScript().toString(), "--no-defaults", "--force", "--skip-name-resolve",
							"--skip-test-db", "--basedir=" + binaries.base(), "--datadir=" + data,
							// Passed on to the bootstrap server, which otherwise puts its
							// temporary tables in /tmp.
							"--tmpdir=" + tmp))
				.directory(binaries.base().toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
			builder.environment().put("LD_LIBRARY_PATH", binaries.libraries().toString());
			Process process = builder.start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return "mariadb-install-db did not finish in " + TIMEOUT_SECONDS + " s";
			}
			FileSystemUtils.deleteRecursively(tmp);
			return (process.exitValue() == 0) ? null
					: "mariadb-install-db exited with " + process.exitValue() + ": " + LogTail.of(log);
		}
		catch (IOException ex) {
			return ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SchemaCloneException("Interrupted while installing the zero-setup MariaDB in " + data, ex);
		}
	}

}
