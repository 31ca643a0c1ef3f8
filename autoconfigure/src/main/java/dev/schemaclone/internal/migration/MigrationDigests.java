package dev.schemaclone.internal.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * What every tool's fingerprint is made of: SHA-256 digests of named values, and the
 * files of a migration folder read by their names below it. Knows no migration tool.
 */
final class MigrationDigests {

	private MigrationDigests() {
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void update(MessageDigest digest, String key, String value) {
		update(digest, key, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Add a named value, its length first: no two sequences of values give the same
	 * bytes.
	 */
	static void update(MessageDigest digest, String key, byte[] value) {
		digest.update(key.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		digest.update(Integer.toString(value.length).getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		digest.update(value);
	}

	/**
	 * Add the bytes of a class file: a Java migration or callback given as an object.
	 */
	static void updateClass(MessageDigest digest, Class<?> type) {
		try (InputStream input = type.getResourceAsStream(type.getSimpleName() + ".class")) {
			update(digest, "class:" + type.getName(), (input != null) ? input.readAllBytes() : new byte[0]);
		}
		catch (IOException ex) {
			throw new SchemaCloneException("Cannot read class '%s': %s".formatted(type.getName(), ex.getMessage()), ex);
		}
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
						resources.merge(name, input.readAllBytes(), MigrationDigests::concat);
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

}
