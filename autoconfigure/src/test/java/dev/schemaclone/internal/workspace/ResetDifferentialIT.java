package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.schemaclone.internal.copy.CloneReset;
import dev.schemaclone.internal.copy.CloneReset.Outcome;
import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.workspace.DifferentialWrites.Write;
import dev.schemaclone.testsupport.SchemaSnapshot;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reset leaves a clone byte for byte as a never-written clone of its template, after
 * writes chosen to slip past a weak change detection.
 */
class ResetDifferentialIT {

	private static final String PREFIX = "it_diff";

	private static final String SEED = "schemaclone.differential.seed";

	private static final String SEQUENCES = "schemaclone.differential.sequences";

	private static final String ONLY = "schemaclone.differential.only";

	private static final long DEFAULT_SEED = 20_260_101L;

	private static final int DEFAULT_SEQUENCES = 300;

	/** Failures told in full; the rest are counted. */
	private static final int FAILURES_SHOWN = 20;

	private static SchemaWorkspace workspace;

	private static String template;

	/** A clone of the template that nothing writes: what every reset must give back. */
	private static String oracle;

	private static SchemaSnapshot expected;

	/**
	 * Reads snapshots: one session for the whole run, so that reading costs no set-up.
	 */
	private static Connection reader;

	@BeforeAll
	static void buildTemplateAndOracle() throws SQLException {
		TestServer.dropAll(PREFIX);
		workspace = TestTemplates.workspace(PREFIX);
		template = workspace.template(new FlywayMigrationSet(Flyway.configure().locations("classpath:differential")));
		oracle = workspace.createClone(template);
		reader = TestServer.server().open();
		expected = SchemaSnapshot.exact(reader, oracle);
		// Else every comparison below would be measured against a wrong oracle.
		assertThat(SchemaSnapshot.exact(reader, template).firstDifference(expected)).as("template against its clone")
			.isNull();
	}

	@AfterAll
	static void dropSchemas() throws SQLException {
		try {
			assertThat(SchemaSnapshot.exact(reader, oracle).firstDifference(expected)).as("oracle left unwritten")
				.isNull();
		}
		finally {
			reader.close();
			workspace.close();
			TestServer.dropAll(PREFIX);
		}
	}

	/**
	 * Random sequences of one to eight writes, each followed by a reset and a comparison
	 * with the oracle. The default run does 300 sequences: 25 s on a server of two cores
	 * that nothing else uses, up to three minutes while other builds load it. The full
	 * run does 2,000, about four minutes, with {@code -Pdifferential} or
	 * {@code -Dschemaclone.differential.sequences=2000}. The seed is fixed so that runs
	 * repeat; {@code -Dschemaclone.differential.seed=…} chooses another, and
	 * {@code -Dschemaclone.differential.only=…} replays one sequence of a seed. Every
	 * sequence runs, so that a failure lists every sequence that breaks the reset.
	 */
	@Test
	void randomWritesAreUndoneExactly() throws SQLException {
		long seed = Long.getLong(SEED, DEFAULT_SEED);
		int only = Integer.getInteger(ONLY, -1);
		int first = (only >= 0) ? only : 0;
		int end = (only >= 0) ? only + 1 : Integer.getInteger(SEQUENCES, DEFAULT_SEQUENCES);
		List<String> failures = new ArrayList<>();
		Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
		long writeCount = 0;
		long refused = 0;
		long start = System.nanoTime();
		String clone = workspace.createClone(template);
		CloneReset reset = workspace.resetOf(clone, template);
		try {
			for (int i = first; i < end; i++) {
				// A seed of its own per sequence, so that one can be replayed alone.
				List<Write> writes = DifferentialWrites.sequence(new Random(new SplittableRandom(seed + i).nextLong()));
				List<String> done = DifferentialWrites.apply(clone, writes);
				writeCount += done.size();
				refused += done.stream().filter(ResetDifferentialIT::refused).count();
				String outcome = "failed";
				String difference;
				try {
					Outcome result = reset.reset("seq " + i);
					outcomes.merge(result, 1, Integer::sum);
					outcome = result.name();
					difference = SchemaSnapshot.exact(reader, clone).firstDifference(expected);
				}
				catch (RuntimeException ex) {
					// Told like a difference, with the writes that led to it.
					difference = "the reset failed: " + ex;
				}
				if (difference != null) {
					String failure = "seed %d, sequence %d (reset: %s): %s%n  writes:%n    %s".formatted(seed, i,
							outcome, difference, String.join(System.lineSeparator() + "    ", done));
					// As it happens, so that a long run that fails often still tells
					// every failure.
					System.out.println(failure);
					failures.add(failure);
					// The next sequence starts from a faithful clone, not from this one's
					// leftovers.
					reset.close();
					workspace.drop(clone);
					clone = workspace.createClone(template);
					reset = workspace.resetOf(clone, template);
				}
			}
		}
		finally {
			reset.close();
			workspace.drop(clone);
		}
		System.out.printf(
				"%d sequences of seed %d in %d s: %d writes (%d refused by the server), resets %s, %d failed%n",
				end - first, seed, (System.nanoTime() - start) / 1_000_000_000, writeCount, refused, outcomes,
				failures.size());
		assertThat(failures.size())
			.as("%d of %d sequences of seed %d left the clone unlike its template (replay one with -D%s=%d -D%s=<sequence>):%n%s%s",
					failures.size(), end - first, seed, SEED, seed, ONLY,
					String.join(System.lineSeparator(), failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))),
					(failures.size() > FAILURES_SHOWN) ? System.lineSeparator() + "… and the others printed above" : "")
			.isZero();
	}

	/**
	 * {@code author} 3 → 5, {@code loan} and {@code loan_log} 1 → 3, {@code member} 1000
	 * → 1002, {@code note} 1 → 5: the {@code BIT_XOR} of the {@code CRC32}s of
	 * {@code table=counter} is the same before and after.
	 */
	@Test
	void fiveCountersWhoseCrcsCancelAreSetBack() throws SQLException {
		assertResetRestores(new Write("five counters",
				List.of("INSERT INTO author (first_name, last_name) VALUES ('a', 'a'), ('b', 'b')",
						"INSERT INTO loan (memo, member_id) VALUES ('a', 998), ('b', 998)",
						"INSERT INTO member (handle) VALUES ('c'), ('d')",
						"INSERT INTO note (body) VALUES ('a'), ('b'), ('c'), ('d')"),
				true));
	}

	/** One loan, whose trigger logs it: {@code loan} and {@code loan_log} both 1 → 2. */
	@Test
	void counterAndItsTriggersCounterMovedAlikeAreSetBack() throws SQLException {
		assertResetRestores(
				new Write("a loan and its log", List.of("INSERT INTO loan (memo, member_id) VALUES ('a', 998)"), true));
	}

	/** Rows written and deleted again: {@code note} and {@code loan_log} both 1 → 2. */
	@Test
	void twoEmptyTablesCountersMovedAlikeAreSetBack() throws SQLException {
		assertResetRestores(new Write("two counters", List.of("INSERT INTO note (body) VALUES ('a')",
				"INSERT INTO loan_log (loan_id, what) VALUES (1, 'a')", "DELETE FROM note", "DELETE FROM loan_log"),
				false));
	}

	@Test
	void twoColumnsWidenedAlikeAreUndone() throws SQLException {
		assertResetRestores(new Write("two columns widened", List.of("ALTER TABLE loan MODIFY memo VARCHAR(21) NULL",
				"ALTER TABLE note MODIFY body VARCHAR(21) NULL"), false));
	}

	/** {@code ('x', 'g-1')} becomes {@code ('xg', '-1')}: the same bytes in a row. */
	@Test
	void valuesShiftedBetweenAdjacentColumnsAreRestored() throws SQLException {
		assertResetRestores(new Write("shifted", List.of("UPDATE item SET a = 'xg', b = '-1' WHERE id = 1"), false));
	}

	/**
	 * A VARBINARY and its BLOB neighbour: {@code ('p', 'qr')} becomes
	 * {@code ('pq', 'r')}.
	 */
	@Test
	void valuesShiftedIntoABlobAreRestored() throws SQLException {
		assertResetRestores(new Write("shifted", List.of("UPDATE item SET c = 'pq', d = 'r' WHERE id = 1"), false));
	}

	private static void assertResetRestores(Write write) throws SQLException {
		String clone = workspace.createClone(template);
		try (CloneReset reset = workspace.resetOf(clone, template)) {
			List<String> done = DifferentialWrites.apply(clone, List.of(write));
			assertThat(done).noneMatch(ResetDifferentialIT::refused);
			Outcome outcome = reset.reset(write.label());
			assertThat(SchemaSnapshot.exact(reader, clone).firstDifference(expected))
				.as("after %s, reset %s", done, outcome)
				.isNull();
		}
		finally {
			workspace.drop(clone);
		}
	}

	/**
	 * Run writes on a session of their own, as a test would, and close it before the
	 * reset. A write the server refuses is kept in the record with its error and the
	 * sequence goes on: whatever a refused statement left is for the reset to undo too.
	 */
	private static boolean refused(String write) {
		return write.contains(DifferentialWrites.REFUSED);
	}

}
