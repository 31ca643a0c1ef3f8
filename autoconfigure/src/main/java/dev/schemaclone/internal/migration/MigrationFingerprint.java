package dev.schemaclone.internal.migration;

import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A hash of everything that decides what a migration set produces, read without a
 * database connection: each tool's set computes it from its own configuration and files
 * ({@link FlywayFingerprint}, {@link LiquibaseMigrationSet}).
 *
 * Its lineage is what stays the same while an application's history grows: the history
 * table, the locations and the first migration (name and bytes). Migrations are added at
 * the end of a history, and its first one is not changed once deployed (the tools'
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
	 * Return the fingerprint of two finished digests.
	 * @param digest the digest of everything that changes what the migrations produce
	 * @param lineage the digest of what stays while the application's history grows
	 * @return the fingerprint
	 */
	static MigrationFingerprint of(MessageDigest digest, MessageDigest lineage) {
		return new MigrationFingerprint(HexFormat.of().formatHex(digest.digest()),
				HexFormat.of().formatHex(lineage.digest()).substring(0, 16));
	}

}
