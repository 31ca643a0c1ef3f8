package dev.schemaclone.internal.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.schemaclone.internal.migration.FlywayMigrationSet;
import dev.schemaclone.internal.migration.MigrationSet;
import dev.schemaclone.testsupport.SchemaSnapshot;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clone of one template turned into a clone of another, as after a changed migration,
 * is byte for byte a clone of the other, whatever the two differ in and whatever was
 * written into the clone; and the next process converts the warm clones of the template
 * before the change instead of copying.
 */
class CloneConversionIT {

	private static final String PREFIX = "it_convert";

	private static final String SEED = "schemaclone.conversion.seed";

	private static final String TEMPLATES = "schemaclone.conversion.templates";

	private static final long DEFAULT_SEED = 20_261_129L;

	private static final int DEFAULT_TEMPLATES = 12;

	private static final String APPLICATION = "conversion";

	/**
	 * Changes a later migration makes to the {@code differential} schema: to columns,
	 * indexes, constraints, table options, counters, rows, triggers, views and routines;
	 * tables created, dropped and renamed; a parent table of a kept child changed, and a
	 * key changed on both sides.
	 */
	private static final List<String> CHANGES = List.of("ALTER TABLE note MODIFY body VARCHAR(40) NULL;",
			"ALTER TABLE member ADD COLUMN nick VARCHAR(10) NULL;",
			"CREATE TABLE extra (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, member_id INT NOT NULL,"
					+ " CONSTRAINT fk_extra_member FOREIGN KEY (member_id) REFERENCES member (id)) ENGINE=InnoDB;\n"
					+ "INSERT INTO extra (member_id) VALUES (998), (999);",
			"DROP TABLE scratch;", "INSERT INTO tag (code, name) VALUES ('zzz', 'Zed');",
			"CREATE INDEX ix_item_price ON item (price);",
			"DROP TRIGGER trg_loan_log;\nCREATE TRIGGER trg_loan_log AFTER INSERT ON loan FOR EACH ROW"
					+ " INSERT INTO loan_log (loan_id, what) VALUES (NEW.id, 'lent');",
			"CREATE OR REPLACE VIEW v_member_loans AS SELECT m.handle, l.id AS loan_id, l.memo"
					+ " FROM member m JOIN loan l ON l.member_id = m.id;",
			"ALTER TABLE author AUTO_INCREMENT = 50;", "ALTER TABLE tag MODIFY name VARCHAR(40) NOT NULL;",
			"RENAME TABLE reading TO reading_log;", "DROP PROCEDURE open_loan;", "ALTER TABLE loan COMMENT='lent';",
			"UPDATE member SET handle = 'carl' WHERE id = 999;", "ALTER TABLE hit_count ENGINE=InnoDB;",
			"DELETE FROM item_tag WHERE tag_code = 'hot';",
			"ALTER TABLE shelf_slot ADD CONSTRAINT ck_slot CHECK (slot > 0);",
			"ALTER TABLE item_tag DROP FOREIGN KEY fk_item_tag_tag;\nALTER TABLE tag MODIFY code CHAR(4) NOT NULL;\n"
					+ "ALTER TABLE item_tag MODIFY tag_code CHAR(4) NOT NULL;\nALTER TABLE item_tag ADD CONSTRAINT"
					+ " fk_item_tag_tag FOREIGN KEY (tag_code) REFERENCES tag (code);");

	@RegisterExtension
	static final SchemaPrefix schemas = new SchemaPrefix(PREFIX);

	@TempDir
	Path folders;

	/**
	 * Templates of random changes, each the target of a clone of the one before; half of
	 * the clones written into first with the writes the reset's differential test uses.
	 * Each conversion must give exactly the target's clone, and keep tables: one that
	 * fell back to a copy each time would pass the comparison and save nothing.
	 */
	@Test
	void clonesConvertedBetweenRandomTemplatesAreExactlyClonesOfTheirTarget() throws Exception {
		long seed = Long.getLong(SEED, DEFAULT_SEED);
		int count = Integer.getInteger(TEMPLATES, DEFAULT_TEMPLATES);
		List<String> failures = new ArrayList<>();
		try (SchemaWorkspace workspace = workspace(0); Connection reader = TestServer.server().open()) {
			String source = workspace.template(migrations("base", ""));
			for (int i = 0; i < count; i++) {
				Random random = new Random(new SplittableRandom(seed + i).nextLong());
				String changes = changes(random, i);
				String target = workspace.template(migrations("v" + i, changes));
				String clone = workspace.createClone(source);
				List<String> written = random.nextBoolean()
						? DifferentialWrites.apply(clone, DifferentialWrites.sequence(random)) : List.of();
				int converted = workspace.summary().converted();
				int copied = workspace.summary().clonesMade();
				workspace.completeFrom(new ReservedSchema(clone, source), target);
				String difference = SchemaSnapshot.exact(reader, clone)
					.firstDifference(SchemaSnapshot.exact(reader, target));
				if (difference == null && (workspace.summary().converted() != converted + 1
						|| workspace.summary().clonesMade() != copied)) {
					difference = "copied instead of converted";
				}
				if (difference != null) {
					failures.add("seed %d, template %d: %s%n  changes:%n%s%n  written:%n    %s".formatted(seed, i,
							difference, changes, String.join(System.lineSeparator() + "    ", written)));
				}
				workspace.drop(clone);
				source = target;
			}
		}
		assertThat(failures).as("conversions unlike their target (replay with -D%s=%d)", SEED, seed).isEmpty();
	}

	@Test
	void warmClonesOfTheTemplateBeforeAChangedMigrationAreConvertedByTheNextProcess() throws Exception {
		MigrationSet before = migrations("before", "");
		MigrationSet after = migrations("after", CHANGES.get(1) + "\n" + CHANGES.get(2));
		try (SchemaWorkspace first = workspace(2)) {
			String template = first.template(before);
			for (int i = 0; i < 2; i++) {
				first.completeFrom(first.reserve(APPLICATION), template);
			}
			first.endClones();
		}
		try (SchemaWorkspace next = workspace(2); Connection reader = TestServer.server().open()) {
			List<String> schemas = new ArrayList<>();
			String template = null;
			for (int i = 0; i < 2; i++) {
				ReservedSchema reserved = next.reserve(APPLICATION);
				assertThat(reserved.filledFrom()).as("context %d reserved a warm clone of the template before", i)
					.isNotNull()
					.isNotEqualTo(template);
				template = next.complete(reserved, after);
				schemas.add(reserved.name());
			}
			for (String schema : schemas) {
				assertThat(SchemaSnapshot.exact(reader, schema).firstDifference(SchemaSnapshot.exact(reader, template)))
					.as(schema)
					.isNull();
			}
			assertThat(next.summary().converted()).isEqualTo(2);
			assertThat(next.summary().clonesMade()).isZero();
			next.endClones();
		}
	}

	/**
	 * A warm clone claimed to be converted is claimed unchecked: when the context turns
	 * out to need its own template, it must still be compared with it, not handed out as
	 * it is.
	 */
	@Test
	void warmCloneClaimedUncheckedIsComparedEvenWhenItsOwnTemplateIsNeeded() throws Exception {
		MigrationSet needed = migrations("needed", CHANGES.get(1));
		MigrationSet other = migrations("other", "");
		String template;
		String dirty;
		try (SchemaWorkspace first = workspace(1)) {
			template = first.template(needed);
			ReservedSchema reserved = first.reserve(APPLICATION);
			first.completeFrom(reserved, template);
			dirty = reserved.name();
			first.completeFrom(first.reserve(APPLICATION), first.template(other));
			first.endClones();
		}
		// The other template was used last: the next process's first context guesses it.
		TestServer.execute("UPDATE " + PREFIX + "_registry.owned_schema SET last_used_at = '2000-01-01'"
				+ " WHERE schema_name = '" + template + "'");
		TestServer.execute("INSERT INTO `" + dirty + "`.tag (code, name) VALUES ('dty', 'Dirty')");
		try (SchemaWorkspace next = workspace(1); Connection reader = TestServer.server().open()) {
			next.complete(next.reserve(APPLICATION), other);
			ReservedSchema reserved = next.reserve(APPLICATION);
			assertThat(reserved.name()).isEqualTo(dirty);
			assertThat(next.complete(reserved, needed)).isEqualTo(template);
			assertThat(SchemaSnapshot.exact(reader, dirty).firstDifference(SchemaSnapshot.exact(reader, template)))
				.isNull();
			next.endClones();
		}
	}

	/**
	 * Return the changes of one template: each of {@link #CHANGES} with a chance of one
	 * in three, and a comment of its own, so that no two templates share a fingerprint.
	 */
	private static String changes(Random random, int template) {
		StringBuilder sql = new StringBuilder("-- template " + template + "\n");
		for (String change : CHANGES) {
			if (random.nextInt(3) == 0) {
				sql.append(change).append('\n');
			}
		}
		return sql.toString();
	}

	/**
	 * Return the {@code differential} migrations with a later one of a folder of its own.
	 */
	private MigrationSet migrations(String name, String changes) throws IOException {
		Path folder = Files.createDirectories(this.folders.resolve(name));
		Files.writeString(folder.resolve("V4__changes.sql"),
				"SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION';\n-- " + name + "\n" + changes);
		return new FlywayMigrationSet(
				Flyway.configure().locations("classpath:differential", "filesystem:" + folder.toAbsolutePath()));
	}

	private static SchemaWorkspace workspace(int keepWarm) {
		return TestTemplates.workspace(PREFIX, keepWarm);
	}

}
