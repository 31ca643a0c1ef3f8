package dev.schemaclone.internal.migration;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The fingerprint of a Flyway configuration: the bytes of every resource under its
 * locations (SQL scripts and compiled Java migrations alike), the classes of Java
 * migrations and callbacks given as objects, placeholders and the settings that shape the
 * history; its lineage is the history table, the locations and the first versioned
 * migration.
 */
final class FlywayFingerprint {

	private FlywayFingerprint() {
	}

	/**
	 * Return everything the fingerprint of a configuration depends on, for
	 * {@link FingerprintCache}: its settings, the class loader of its class-path
	 * locations, the state of the files of its other locations, and the classes of its
	 * Java migrations and callbacks.
	 * @param configuration the configuration the template will be migrated with
	 * @return the key
	 */
	static List<Object> key(Configuration configuration) {
		List<Object> key = new ArrayList<>(
				Arrays.asList("flyway", configuration.getClassLoader(), settings(configuration)));
		for (Location location : configuration.getLocations()) {
			key.add(location.getDescriptor());
			if (!isClassPath(location)) {
				key.add(FingerprintCache.filesBelow(Path.of(location.getRootPath())));
			}
		}
		Arrays.stream(configuration.getJavaMigrations()).forEach((migration) -> key.add(migration.getClass()));
		Arrays.stream(configuration.getCallbacks()).forEach((callback) -> key.add(callback.getClass()));
		return key;
	}

	/**
	 * Compute the fingerprint of a Flyway configuration.
	 * @param configuration the configuration the template will be migrated with
	 * @return the fingerprint
	 */
	static MigrationFingerprint of(Configuration configuration) {
		MessageDigest digest = MigrationDigests.sha256();
		settings(configuration).forEach((name, value) -> MigrationDigests.update(digest, name, value));
		MessageDigest lineage = MigrationDigests.sha256();
		MigrationDigests.update(lineage, "table", configuration.getTable());
		FirstMigration first = new FirstMigration(configuration);
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
				configuration.getClassLoader());
		for (Location location : configuration.getLocations()) {
			// A file-system location's absolute path differs between checkouts that
			// should share a template; the names of the files below it count instead.
			String descriptor = isClassPath(location) ? location.getDescriptor() : "filesystem";
			MigrationDigests.update(digest, "location", descriptor);
			MigrationDigests.update(lineage, "location", descriptor);
			resources(resolver, location).forEach((name, bytes) -> {
				MigrationDigests.update(digest, name, bytes);
				first.offer(name, bytes);
			});
		}
		first.update(lineage);
		Arrays.stream(configuration.getJavaMigrations())
			.forEach((migration) -> MigrationDigests.updateClass(digest, migration.getClass()));
		Arrays.stream(configuration.getCallbacks())
			.forEach((callback) -> MigrationDigests.updateClass(digest, callback.getClass()));
		return MigrationFingerprint.of(digest, lineage);
	}

	/**
	 * Return the settings that shape the history, by name, in the order they are hashed.
	 */
	private static Map<String, String> settings(Configuration configuration) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("flyway", String.valueOf(Flyway.class.getPackage().getImplementationVersion()));
		settings.put("table", configuration.getTable());
		settings.put("sqlPrefix", configuration.getSqlMigrationPrefix());
		settings.put("separator", configuration.getSqlMigrationSeparator());
		settings.put("suffixes", String.join(",", configuration.getSqlMigrationSuffixes()));
		settings.put("repeatablePrefix", configuration.getRepeatableSqlMigrationPrefix());
		settings.put("baseline", configuration.getBaselineVersion() + "/" + configuration.isBaselineOnMigrate());
		settings.put("target", String.valueOf(configuration.getTarget()));
		settings.put("encoding", String.valueOf(configuration.getEncoding()));
		settings.put("initSql", String.valueOf(configuration.getInitSql()));
		settings.put("placeholderReplacement", String.valueOf(configuration.isPlaceholderReplacement()));
		settings.put("placeholderDelimiters",
				configuration.getPlaceholderPrefix() + configuration.getPlaceholderSuffix());
		new TreeMap<>(configuration.getPlaceholders())
			.forEach((key, value) -> settings.put("placeholder:" + key, value));
		return settings;
	}

	/**
	 * Return whether a location is on the class path. {@code Location.isClassPath()} is
	 * deprecated in Flyway 11.14 (Spring Boot 4.0) and 12.4 (Spring Boot 4.1); the prefix
	 * says the same in both.
	 */
	private static boolean isClassPath(Location location) {
		return "classpath:".equals(location.getPrefix());
	}

	private static Map<String, byte[]> resources(PathMatchingResourcePatternResolver resolver, Location location) {
		String root = location.getRootPath().replaceAll("^/+|/+$", "");
		boolean classPath = isClassPath(location);
		String pattern = (classPath ? "classpath*:" : "file:") + (classPath ? root : location.getRootPath()) + "/**";
		return MigrationDigests.resources(resolver, pattern, root, location.getDescriptor());
	}

	/**
	 * The versioned SQL migration with the lowest version among the resources offered.
	 */
	private static final class FirstMigration {

		private final Configuration configuration;

		private @Nullable List<BigInteger> version;

		private String name = "";

		private byte[] bytes = new byte[0];

		FirstMigration(Configuration configuration) {
			this.configuration = configuration;
		}

		void offer(String path, byte[] content) {
			List<BigInteger> offered = versionOf(path.substring(path.lastIndexOf('/') + 1));
			if (offered != null && (this.version == null || compare(offered, this.version) < 0)) {
				this.version = offered;
				this.name = path;
				this.bytes = content;
			}
		}

		void update(MessageDigest digest) {
			MigrationDigests.update(digest, "first:" + this.name, this.bytes);
		}

		private @Nullable List<BigInteger> versionOf(String file) {
			String prefix = this.configuration.getSqlMigrationPrefix();
			int separator = file.indexOf(this.configuration.getSqlMigrationSeparator());
			boolean sql = Arrays.stream(this.configuration.getSqlMigrationSuffixes()).anyMatch(file::endsWith);
			if (!sql || !file.startsWith(prefix) || separator <= prefix.length()) {
				return null;
			}
			try {
				return Arrays.stream(file.substring(prefix.length(), separator).split("[._]"))
					.map(BigInteger::new)
					.toList();
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

		private static int compare(List<BigInteger> one, List<BigInteger> other) {
			for (int i = 0; i < Math.max(one.size(), other.size()); i++) {
				BigInteger a = (i < one.size()) ? one.get(i) : BigInteger.ZERO;
				BigInteger b = (i < other.size()) ? other.get(i) : BigInteger.ZERO;
				if (a.compareTo(b) != 0) {
					return a.compareTo(b);
				}
			}
			return 0;
		}

	}

}
