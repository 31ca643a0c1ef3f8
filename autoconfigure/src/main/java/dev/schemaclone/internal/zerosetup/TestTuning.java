package dev.schemaclone.internal.zerosetup;

import java.util.List;

/**
 * The server settings that make DDL and commits cheap for tests, whose data nobody keeps.
 */
public final class TestTuning {

	/**
	 * Arguments for {@code mysqld} (MySQL 8.0+) and {@code mariadbd} (10.6+) alike; what
	 * each buys is measured in docs/benchmarks.md.
	 */
	public static final List<String> ARGUMENTS = List.of(
			// MySQL 8 logs every clone's rows twice with it on, in a log nothing purges,
			// and refuses
			// stored functions not declared DETERMINISTIC, NO SQL or READS SQL DATA.
			"--skip-log-bin",
			// The redo log is written and flushed about once a second instead of at every
			// commit: a
			// crash loses the last second, of data no test keeps.
			"--innodb-flush-log-at-trx-commit=0",
			// Each page is written once instead of twice; torn pages only matter after a
			// crash.
			"--innodb-doublewrite=OFF",
			// MySQL 8.0.23+ frees a dropped table's pages lazily only with it off, and
			// clones are
			// created and dropped all day; lookups of test-sized tables gain nothing from
			// it.
			"--innodb-adaptive-hash-index=OFF");

	private TestTuning() {
	}

}
