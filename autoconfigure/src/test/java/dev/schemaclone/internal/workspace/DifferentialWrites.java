package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import dev.schemaclone.testsupport.TestServer;

/**
 * Random writes on a clone of the {@code differential} migrations, weighted toward those
 * a linear digest or {@code CHECKSUM TABLE} cannot see: counters and columns changed
 * alike, bytes shifted between neighbouring columns, changes undone by the next
 * statement.
 */
final class DifferentialWrites {

	/** What follows a write the server refused, in the list {@link #apply} returns. */
	static final String REFUSED = " -> refused: ";

	/**
	 * A table with an {@code AUTO_INCREMENT} counter, and the rest of an insert that lets
	 * the counter choose the id. Under the template's counters (author 3, member 1000,
	 * item 6, hit_count 4, the others 1), tables in one group move their counters' last
	 * digit alike when each moves by one, so their digests cancel.
	 */
	private record Counted(String table, Function<Random, String> insert, int groupOfOne) {

	}

	private static final List<Counted> COUNTED = List.of(
			new Counted("author", (random) -> "(first_name, last_name, born) VALUES ('Gen', 'Z', '2000-01-01')", 0),
			new Counted("member", (random) -> "(handle) VALUES ('h" + random.nextInt(1_000_000_000) + "')", 1),
			new Counted("item", (random) -> "(a, b) VALUES ('n', 'n')", 1),
			new Counted("hit_count", (random) -> "(page) VALUES ('/new')", 1),
			new Counted("loan", (random) -> "(memo, member_id) VALUES ('m', 998)", 2),
			new Counted("loan_log", (random) -> "(loan_id, what) VALUES (0, 'direct')", 2),
			new Counted("note", (random) -> "(body) VALUES ('n')", 2));

	/**
	 * A table the template fills: its writable columns and predicates that each pick one
	 * of its rows (the first of a duplicate pair, in a table without a primary key).
	 */
	private record Filled(String table, String columns, List<String> rows) {

	}

	private static final List<Filled> FILLED = List.of(
			new Filled("item", "id, a, b, c, d, doc, flags, tags, size, weight, price, made_on, made_at",
					List.of("id = 1", "id = 2", "id = 3", "id = 5")),
			new Filled("author", "id, first_name, last_name, born", List.of("id = 1", "id = 2")),
			new Filled("member", "id, handle, joined, perks", List.of("id = 998", "id = 999")),
			new Filled("tag", "code, name", List.of("code = 'old'")),
			new Filled("item_tag", "item_id, tag_code, note",
					List.of("item_id = 1 AND tag_code = 'new'", "item_id = 2")),
			new Filled("reading", "sensor, value, note", List.of("sensor = 's1'", "sensor = 's2'", "sensor = 's3'")),
			new Filled("hit_count", "id, page, hits", List.of("id = 1", "id = 2", "id = 3")),
			new Filled("shelf_slot", "shelf, slot, label", List.of("shelf = 'A' AND slot = 1", "shelf = 'B'")));

	/** Item ids, and their weights and prices as the template holds them. */
	private static final int[] ITEMS = { 1, 2, 3, 5 };

	private static final float[] WEIGHTS = { 0.1f, 1.5f, 3.25f, 0.001f };

	private static final double[] PRICES = { 0.1, 2.5, 1e300, 0.3333333333333333 };

	/** Neighbouring variable-length columns, each the next's left neighbour. */
	private static final String[][] NEIGHBOURS = { { "item", "a", "b" }, { "item", "b", "c" }, { "item", "c", "d" },
			{ "author", "first_name", "last_name" } };

	/** Tables no foreign key references: {@code TRUNCATE} refuses the others. */
	private static final List<String> TRUNCATABLE = List.of("loan", "loan_log", "note", "item_tag", "reading",
			"scratch", "hit_count", "shelf_slot");

	/**
	 * One write: one or more statements, run in autocommit mode or in one transaction
	 * that is rolled back.
	 */
	record Write(String label, List<String> sql, boolean rolledBack) {

		@Override
		public String toString() {
			return this.label + (this.rolledBack ? " (rolled back)" : "") + ": " + String.join("; ", this.sql);
		}

	}

	private interface Kind {

		Write next(Random random);

	}

	private record Weighted(int weight, Kind kind) {

	}

	/** Catalog changes and counter DDL together stay near 15% of the writes. */
	private static final List<Weighted> KINDS = List.of(new Weighted(14, DifferentialWrites::countersAlike),
			new Weighted(8, DifferentialWrites::loanAndItsLog), new Weighted(8, DifferentialWrites::insertWithAutoId),
			new Weighted(5, DifferentialWrites::insertWithExplicitId),
			new Weighted(7, DifferentialWrites::deleteAndInsertAgain),
			new Weighted(12, DifferentialWrites::shiftBetweenNeighbours),
			new Weighted(6, DifferentialWrites::swapTwoRows), new Weighted(3, DifferentialWrites::updateToSameValue),
			new Weighted(6, DifferentialWrites::duplicateRows), new Weighted(5, DifferentialWrites::floatByOneUlp),
			new Weighted(5, DifferentialWrites::bitsSetsAndEnums),
			new Weighted(4, DifferentialWrites::jsonOfSameLength), new Weighted(4, DifferentialWrites::rolledBack),
			new Weighted(2, DifferentialWrites::counterSetByDdl), new Weighted(2, DifferentialWrites::truncate),
			new Weighted(9, DifferentialWrites::catalogChange));

	private static final int TOTAL_WEIGHT = KINDS.stream().mapToInt(Weighted::weight).sum();

	private DifferentialWrites() {
	}

	/**
	 * Return one sequence of one to eight writes.
	 * @param random the source of every choice, so that a seed replays the sequence
	 * @return the writes, in order
	 */
	static List<Write> sequence(Random random) {
		List<Write> writes = new ArrayList<>();
		int count = 1 + random.nextInt(8);
		for (int i = 0; i < count; i++) {
			int pick = random.nextInt(TOTAL_WEIGHT);
			for (Weighted weighted : KINDS) {
				pick -= weighted.weight();
				if (pick < 0) {
					writes.add(weighted.kind().next(random));
					break;
				}
			}
		}
		return writes;
	}

	/**
	 * Move two counters by the same amount, leaving no row: half of the time two of one
	 * group, whose digests cancel on a first move by one.
	 */
	/**
	 * Run writes on a clone, each in a transaction of its own or rolled back as it says;
	 * one the server refuses is told, and the next runs.
	 * @return each write as done, with the server's reason where it was refused
	 */
	static List<String> apply(String clone, List<Write> writes) throws SQLException {
		List<String> done = new ArrayList<>();
		try (Connection connection = TestServer.server().open(clone);
				Statement statement = connection.createStatement()) {
			for (Write write : writes) {
				connection.setAutoCommit(!write.rolledBack());
				try {
					for (String sql : write.sql()) {
						statement.execute(sql);
					}
					done.add(write.toString());
				}
				catch (SQLException ex) {
					done.add(write + REFUSED + ex.getMessage());
				}
				finally {
					if (write.rolledBack()) {
						connection.rollback();
					}
				}
			}
			connection.setAutoCommit(true);
		}
		return done;
	}

	private static Write countersAlike(Random random) {
		Counted first = pick(random, COUNTED);
		Counted second;
		do {
			second = pick(random, COUNTED);
		}
		while (second == first || (random.nextBoolean() && second.groupOfOne() != first.groupOfOne()));
		int by = 1 + random.nextInt(2);
		boolean rollBack = random.nextBoolean() && !"hit_count".equals(first.table())
				&& !"hit_count".equals(second.table());
		List<String> sql = new ArrayList<>();
		for (Counted counted : List.of(first, second)) {
			for (int i = 0; i < by; i++) {
				sql.add(insert(counted, random));
			}
			if (!rollBack) {
				sql.add("DELETE FROM " + counted.table() + " ORDER BY id DESC LIMIT " + by);
			}
		}
		if (!rollBack) {
			// A loan's trigger wrote a log row that must go too.
			sql.add("DELETE FROM loan_log WHERE what = 'opened'");
		}
		return new Write("two counters moved by " + by, sql, rollBack);
	}

	/**
	 * Insert a loan, whose trigger logs it: two counters move from 1 to 2 alike;
	 * sometimes under a new member, a parent whose counter moves too.
	 */
	private static Write loanAndItsLog(Random random) {
		String insert = switch (random.nextInt(3)) {
			case 0 -> "INSERT INTO loan (memo, member_id) VALUES ('l', " + (998 + random.nextInt(2)) + ")";
			case 1 -> "CALL open_loan(999, 'via procedure')";
			default -> "INSERT INTO member (handle) VALUES ('p" + random.nextInt(1_000_000_000)
					+ "'); INSERT INTO loan (memo, member_id) VALUES ('child', LAST_INSERT_ID())";
		};
		List<String> sql = List.of(insert.split("; "));
		return switch (random.nextInt(3)) {
			case 0 -> new Write("loan and its log", sql, false);
			case 1 -> new Write("loan and its log, deleted", concat(sql, "DELETE FROM loan", "DELETE FROM loan_log",
					"DELETE FROM member WHERE handle LIKE 'p%'"), false);
			default -> new Write("loan and its log", sql, true);
		};
	}

	private static Write insertWithAutoId(Random random) {
		Counted counted = pick(random, COUNTED);
		return new Write("insert with auto id", List.of(insert(counted, random)), false);
	}

	/** Ids below the counter (a gap) leave it alone; ids above move it. */
	private static Write insertWithExplicitId(Random random) {
		return new Write("insert with explicit id", List.of(switch (random.nextInt(5)) {
			case 0 -> "INSERT INTO item (id, a, b) VALUES (4, 'gone', 'gone')";
			case 1 -> "INSERT INTO item (id, a, b, c) VALUES (" + (7 + random.nextInt(3)) + ", 'x', 'g-1', 'p')";
			case 2 -> "INSERT INTO author (id, first_name, last_name) VALUES (" + (3 + random.nextInt(3))
					+ ", 'Ex', 'Plicit')";
			case 3 -> "INSERT INTO note (id, body) VALUES (" + (1 + random.nextInt(4)) + ", 'explicit')";
			default -> "INSERT INTO member (id, handle) VALUES (" + (1000 + random.nextInt(3)) + ", 'explicit')";
		}), false);
	}

	/**
	 * Delete a row and insert it again as it was: no net change where the table has a
	 * key; in {@code shelf_slot} the delete trigger writes a reading.
	 */
	private static Write deleteAndInsertAgain(Random random) {
		Filled filled = pick(random, FILLED);
		String row = pick(random, filled.rows());
		return new Write("delete and insert again", List.of("DROP TEMPORARY TABLE IF EXISTS w_row",
				"CREATE TEMPORARY TABLE w_row AS SELECT " + filled.columns() + " FROM " + filled.table() + " WHERE "
						+ row + " LIMIT 1",
				"DELETE FROM " + filled.table() + " WHERE " + row + " LIMIT 1", "INSERT INTO " + filled.table() + " ("
						+ filled.columns() + ") SELECT " + filled.columns() + " FROM w_row",
				"DROP TEMPORARY TABLE w_row"), false);
	}

	/**
	 * Move one character from the end of a column to the start of its right neighbour, or
	 * back: {@code ('x', 'g-1')} becomes {@code ('xg', '-1')}, the same bytes in a row.
	 */
	private static Write shiftBetweenNeighbours(Random random) {
		String[] pair = NEIGHBOURS[random.nextInt(NEIGHBOURS.length)];
		String table = pair[0];
		String left = pair[1];
		String right = pair[2];
		String row = "item".equals(table) ? "id = " + ITEMS[random.nextInt(ITEMS.length)]
				: "id = " + (1 + random.nextInt(2));
		// Assignments run left to right, each seeing the columns assigned before it.
		String sql = random.nextBoolean()
				? "UPDATE " + table + " SET " + left + " = CONCAT(" + left + ", LEFT(" + right + ", 1)), " + right
						+ " = SUBSTRING(" + right + ", 2) WHERE " + row + " AND LENGTH(" + right + ") > 0"
				: "UPDATE " + table + " SET " + right + " = CONCAT(RIGHT(" + left + ", 1), " + right + "), " + left
						+ " = LEFT(" + left + ", CHAR_LENGTH(" + left + ") - 1) WHERE " + row + " AND LENGTH(" + left
						+ ") > 0";
		return new Write("shift between " + left + " and " + right, List.of(sql), false);
	}

	private static Write swapTwoRows(Random random) {
		String[] candidates = { "item.a", "item.b", "item.c", "item.d", "item.doc", "item.weight", "item.price",
				"item.made_at", "author.first_name", "author.born", "member.perks", "shelf_slot.label",
				"hit_count.hits" };
		String[] column = candidates[random.nextInt(candidates.length)].split("\\.");
		String[] rows = switch (column[0]) {
			case "item" -> twoOf(random, "id = 1", "id = 2", "id = 3", "id = 5");
			case "author" -> new String[] { "id = 1", "id = 2" };
			case "member" -> new String[] { "id = 998", "id = 999" };
			case "shelf_slot" ->
				twoOf(random, "shelf = 'A' AND slot = 1", "shelf = 'A' AND slot = 2", "shelf = 'B' AND slot = 1");
			default -> twoOf(random, "id = 1", "id = 2", "id = 3");
		};
		String table = column[0];
		String name = column[1];
		return new Write("swap " + table + "." + name,
				List.of("SET @w1 = (SELECT " + name + " FROM " + table + " WHERE " + rows[0] + "), @w2 = (SELECT "
						+ name + " FROM " + table + " WHERE " + rows[1] + ")",
						"UPDATE " + table + " SET " + name + " = @w2 WHERE " + rows[0],
						"UPDATE " + table + " SET " + name + " = @w1 WHERE " + rows[1]),
				false);
	}

	private static Write updateToSameValue(Random random) {
		return new Write("update to the same value", List.of(switch (random.nextInt(4)) {
			case 0 -> "UPDATE item SET a = a, d = d, doc = doc";
			case 1 -> "UPDATE member SET perks = perks, joined = joined";
			case 2 -> "UPDATE item SET tags = 'green,red' WHERE id = 1";
			default -> "UPDATE reading SET value = value WHERE sensor = 's1'";
		}), false);
	}

	/**
	 * Rows of the tables without a primary key: a duplicate more, or one of a pair fewer.
	 */
	private static Write duplicateRows(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> new Write("duplicate a row", List.of("INSERT INTO reading SELECT * FROM reading WHERE sensor = 's"
					+ (1 + random.nextInt(3)) + "' LIMIT 1"), false);
			case 1 ->
				new Write("delete one of a pair", List.of("DELETE FROM reading WHERE sensor = 's1' LIMIT 1"), false);
			case 2 -> new Write("delete one of a pair, add another", List
				.of("DELETE FROM reading WHERE sensor = 's1' LIMIT 1", "INSERT INTO reading VALUES ('s2', NULL, 'b')"),
					false);
			default ->
				new Write("empty table without a key", List.of("INSERT INTO scratch VALUES ('k', 0x00), ('k', 0x00)",
						"DELETE FROM scratch LIMIT " + (1 + random.nextInt(2))), false);
		};
	}

	private static Write floatByOneUlp(Random random) {
		int item = random.nextInt(ITEMS.length);
		boolean up = random.nextBoolean();
		if (random.nextBoolean()) {
			float weight = up ? Math.nextUp(WEIGHTS[item]) : Math.nextDown(WEIGHTS[item]);
			return new Write("float by one ulp",
					List.of("UPDATE item SET weight = " + (double) weight + " WHERE id = " + ITEMS[item]), false);
		}
		double price = up ? Math.nextUp(PRICES[item]) : Math.nextDown(PRICES[item]);
		return new Write("double by one ulp",
				List.of("UPDATE item SET price = " + price + " WHERE id = " + ITEMS[item]), false);
	}

	private static Write bitsSetsAndEnums(Random random) {
		int item = ITEMS[random.nextInt(ITEMS.length)];
		return new Write("bit, set or enum", List.of(switch (random.nextInt(5)) {
			case 0 -> "UPDATE item SET flags = flags ^ " + (1 << random.nextInt(8)) + " WHERE id = " + item;
			case 1 -> "UPDATE member SET perks = b'" + Integer.toBinaryString(random.nextInt(8)) + "' WHERE id = 999";
			case 2 -> "UPDATE item SET tags = '" + pick(random, List.of("", "red", "green,blue", "red,green,blue"))
					+ "' WHERE id = " + item;
			case 3 -> "UPDATE item SET size = '" + pick(random, List.of("s", "m", "l")) + "' WHERE id = " + item;
			default -> "UPDATE item SET flags = flags ^ 1, size = IF(size = 's', 'm', 's') WHERE id = " + item;
		}), false);
	}

	private static Write jsonOfSameLength(Random random) {
		return new Write("json of the same length", List.of(random.nextBoolean()
				? "UPDATE item SET doc = JSON_REPLACE(doc, '$.k', " + random.nextInt(10) + ") WHERE id IN (1, 2)"
				: "UPDATE item SET doc = '[2, 1]' WHERE id = 5"), false);
	}

	/**
	 * A transaction rolled back: rows as they were, counters moved (except MyISAM's
	 * rows).
	 */
	private static Write rolledBack(Random random) {
		Counted counted = pick(random, COUNTED);
		return new Write("transaction", List.of(insert(counted, random),
				"UPDATE item SET a = 'rolled back' WHERE id = 1", "DELETE FROM reading WHERE sensor = 's3'"), true);
	}

	private static Write counterSetByDdl(Random random) {
		return new Write("counter set by DDL", switch (random.nextInt(3)) {
			case 0 -> List.of("ALTER TABLE loan AUTO_INCREMENT = 2", "ALTER TABLE note AUTO_INCREMENT = 2");
			case 1 -> List.of("ALTER TABLE member AUTO_INCREMENT = 1001", "ALTER TABLE item AUTO_INCREMENT = 7");
			default -> List.of("ALTER TABLE author AUTO_INCREMENT = " + (4 + random.nextInt(20)));
		}, false);
	}

	private static Write truncate(Random random) {
		return new Write("truncate", List.of("TRUNCATE TABLE " + pick(random, TRUNCATABLE)), false);
	}

	/**
	 * Change an object: mostly two alike (widened columns, comments, defaults, each pair
	 * at the same place of equally long catalog rows), also an index, a column, a view or
	 * a routine.
	 */
	private static Write catalogChange(Random random) {
		return new Write("catalog change", switch (random.nextInt(9)) {
			case 0, 1 -> List.of("ALTER TABLE loan MODIFY memo VARCHAR(21) NULL",
					"ALTER TABLE note MODIFY body VARCHAR(21) NULL");
			case 2 -> List.of("ALTER TABLE item MODIFY a VARCHAR(31) NOT NULL, MODIFY b VARCHAR(31) NOT NULL");
			case 3 -> List.of("ALTER TABLE loan COMMENT = 'borroweg'", "ALTER TABLE note COMMENT = 'jottingp'");
			case 4 ->
				List.of("ALTER TABLE loan ALTER memo SET DEFAULT 'a'", "ALTER TABLE note ALTER body SET DEFAULT 'a'");
			case 5 -> random.nextBoolean() ? List.of("CREATE INDEX ix_w_item_a ON item (a)")
					: List.of("DROP INDEX ix_reading_sensor ON reading");
			case 6 -> List.of("ALTER TABLE scratch ADD COLUMN w INT NULL");
			case 7 -> List.of("ALTER TABLE tag ALTER name SET DEFAULT 'unnamed'");
			default -> random.nextBoolean() ? List.of("CREATE VIEW v_w AS SELECT code FROM tag")
					: List.of("CREATE FUNCTION w_one() RETURNS INT DETERMINISTIC RETURN 1");
		}, false);
	}

	private static String insert(Counted counted, Random random) {
		return "INSERT INTO " + counted.table() + " " + counted.insert().apply(random);
	}

	private static List<String> concat(List<String> first, String... then) {
		List<String> all = new ArrayList<>(first);
		all.addAll(List.of(then));
		return all;
	}

	private static String[] twoOf(Random random, String... rows) {
		int first = random.nextInt(rows.length);
		int second = (first + 1 + random.nextInt(rows.length - 1)) % rows.length;
		return new String[] { rows[first], rows[second] };
	}

	private static <T> T pick(Random random, List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

}
