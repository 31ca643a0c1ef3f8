package dev.schemaclone.internal.migration;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * A hash of everything that decides what a Flyway migration set produces: the bytes of
 * every resource under its locations (SQL scripts and compiled Java migrations alike),
 * the classes of Java migrations and callbacks given as objects, placeholders and the
 * settings that shape the history. It is read from the class path without a database
 * connection.
 *
 * Its lineage is what stays the same while an application's history grows: the history
 * table, the locations and the first versioned migration (name and bytes). Migrations are
 * added at the end of a history, and its first one is not changed once deployed (Flyway's
 * validation would fail everywhere it ran); two applications' first migrations create
 * their own tables and so differ, even where both keep Spring Boot's default location.
 * Template retention keeps a few templates per lineage, so that one application's new
 * template does not push out another application's current one.
 *
 * @param hex the SHA-256 digest in hex
 * @param lineage the first 16 hex digits of the lineage's SHA-256 digest
 */
public record MigrationFingerprint(String hex, String lineage) {

	/**
	 * Return the first 16 hex digits, the part schema and lock names carry.
	 * @return the short form
	 */
	public String shortHex() {
		return this.hex.substring(0, 16);
	}

	/**
	 * Compute the fingerprint of a Flyway configuration.
	 * @param configuration the configuration the template will be migrated with
	 * @return the fingerprint
	 */
	public static MigrationFingerprint of(Configuration configuration) {
		MessageDigest digest = sha256();
		update(digest, "flyway", String.valueOf(Flyway.class.getPackage().getImplementationVersion()));
		update(digest, "table", configuration.getTable());
		update(digest, "sqlPrefix", configuration.getSqlMigrationPrefix());
		update(digest, "separator", configuration.getSqlMigrationSeparator());
		update(digest, "suffixes", String.join(",", configuration.getSqlMigrationSuffixes()));
		update(digest, "repeatablePrefix", configuration.getRepeatableSqlMigrationPrefix());
		update(digest, "baseline", configuration.getBaselineVersion() + "/" + configuration.isBaselineOnMigrate());
		update(digest, "target", String.valueOf(configuration.getTarget()));
		update(digest, "encoding", String.valueOf(configuration.getEncoding()));
		update(digest, "initSql", String.valueOf(configuration.getInitSql()));
		update(digest, "placeholderReplacement", String.valueOf(configuration.isPlaceholderReplacement()));
		update(digest, "placeholderDelimiters",
				configuration.getPlaceholderPrefix() + configuration.getPlaceholderSuffix());
		new TreeMap<>(configuration.getPlaceholders())
			.forEach((key, value) -> update(digest, "placeholder:" + key, value));
		MessageDigest lineage = sha256();
		update(lineage, "table", configuration.getTable());
		FirstMigration first = new FirstMigration(configuration);
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
				configuration.getClassLoader());
		for (Location location : configuration.getLocations()) {
			// A file-system location's absolute path differs between checkouts that
			// should share
			// a template; the names of the files below it count instead.
			String descriptor = isClassPath(location) ? location.getDescriptor() : "filesystem";
			update(digest, "location", descriptor);
			update(lineage, "location", descriptor);
			resources(resolver, location).forEach((name, bytes) -> {
				update(digest, name, bytes);
				first.offer(name, bytes);
			});
		}
		first.update(lineage);
		Arrays.stream(configuration.getJavaMigrations())
			.forEach((migration) -> updateClass(digest, migration.getClass()));
		Arrays.stream(configuration.getCallbacks()).forEach((callback) -> updateClass(digest, callback.getClass()));
		return of(digest, lineage);
	}

	/**
	 * Return the fingerprint of two finished digests.
	 * @param digest the digest of everything that changes what the migrations produce
	 * @param lineage the digest of what stays while the application's history grows
	 * @return the fingerprint
	 */
	static MigrationFingerprint of(MessageDigest digest, MessageDigest lineage) {
		return new MigrationFingerprint(HexFormat.of().formatHex(digest.digest()),
				HexFormat.of().formatHex(lineage.digest()).substring(0, 16));
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
		return resources(resolver, pattern, root, location.getDescriptor());
	}

	/**
	 * Read every resource a pattern finds, by its name below a root folder, so that the
	 * same files in another checkout give the same names.
	 * @param resolver the resolver
	 * @param pattern the pattern, such as {@code classpath*:db/migration/**}
	 * @param root the folder names are taken below
	 * @param description what is read, for the error
	 * @return the bytes of each resource, by name, in name order
	 */
	static Map<String, byte[]> resources(ResourcePatternResolver resolver, String pattern, String root,
			String description) {
		Map<String, byte[]> resources = new TreeMap<>();
		try {
			for (Resource resource : resolver.getResources(pattern)) {
				if (resource.isReadable()) {
					String url = resource.getURL().toString();
					int at = url.lastIndexOf(root + "/");
					String name = (at >= 0) ? url.substring(at + root.length() + 1) : resource.getFilename();
					try (InputStream input = resource.getInputStream()) {
						resources.merge(name, input.readAllBytes(), MigrationFingerprint::concat);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new SchemaCloneException("Cannot read migrations at '%s': %s".formatted(description, ex.getMessage()),
					ex);
		}
		return resources;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static void updateClass(MessageDigest digest, Class<?> type) {
		try (InputStream input = type.getResourceAsStream(type.getSimpleName() + ".class")) {
			update(digest, "class:" + type.getName(), (input != null) ? input.readAllBytes() : new byte[0]);
		}
		catch (IOException ex) {
			throw new SchemaCloneException("Cannot read class '%s': %s".formatted(type.getName(), ex.getMessage()), ex);
		}
	}

	static void update(MessageDigest digest, String key, String value) {
		update(digest, key, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
	}

	static void update(MessageDigest digest, String key, byte[] value) {
		digest.update(key.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		digest.update(Integer.toString(value.length).getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		digest.update(value);
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The versioned SQL migration with the lowest version among the resources offered.
	 */
	private static final class FirstMigration {

		private final Configuration configuration;

		private List<BigInteger> version;

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
			MigrationFingerprint.update(digest, "first:" + this.name, this.bytes);
		}

		private List<BigInteger> versionOf(String file) {
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
