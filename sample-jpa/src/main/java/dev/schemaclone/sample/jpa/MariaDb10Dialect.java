package dev.schemaclone.sample.jpa;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.MariaDBDialect;

/**
 * Hibernate's MariaDB dialect for the oldest MariaDB the application runs on. Through
 * MySQL Connector/J ({@code jdbc:mysql:}) MariaDB 10 reports version 5.5.5: Hibernate
 * then picks its MySQL dialect, and even its MariaDB dialect, told so, reads 5.5 and uses
 * tables in place of sequences. Pinned to 10.6, ids come from the {@code <entity>_seq}
 * sequences.
 */
public class MariaDb10Dialect extends MariaDBDialect {

	public MariaDb10Dialect() {
		super(DatabaseVersion.make(10, 6));
	}

}
