package dev.schemaclone.internal.copy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An order-free digest of a multiset of rows, as one SQL expression: each row's values
 * are quoted (so that no byte can move from one value to its neighbour unseen, and
 * {@code NULL} differs from {@code 'NULL'}), hashed with SHA-256, and the digest is the
 * number of rows with two exact sums of 64 bits of each hash. Unlike an XOR or a sum of
 * CRC32s, equal changes in two places cannot cancel, and neither can a row written twice.
 */
final class MultisetDigest {

	private MultisetDigest() {
	}

	/**
	 * Return the digest of some rows as a scalar SQL expression.
	 * @param values the SQL expressions of a row's values, each binary, in a fixed order
	 * @param from the {@code FROM} clause, with its {@code WHERE}, that gives the rows
	 * @return the expression, a string such as {@code 3/1234…/5678…}
	 */
	static String of(List<String> values, String from) {
		String row = values.stream()
			.map((value) -> "QUOTE(" + value + ")")
			.collect(Collectors.joining(", ", "CONCAT_WS(',', ", ")"));
		// SUM over integers is exact (DECIMAL) on MySQL and MariaDB; CONV takes unsigned
		// 64 bits.
		return "(SELECT CONCAT(COUNT(*), '/', COALESCE(SUM(CAST(CONV(SUBSTR(h, 1, 16), 16, 10) AS UNSIGNED)), 0), '/',"
				+ " COALESCE(SUM(CAST(CONV(SUBSTR(h, 17, 16), 16, 10) AS UNSIGNED)), 0)) FROM (SELECT SHA2(" + row
				+ ", 256) AS h " + from + ") AS hashed)";
	}

}
