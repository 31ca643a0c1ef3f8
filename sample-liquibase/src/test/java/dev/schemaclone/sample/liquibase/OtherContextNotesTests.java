package dev.schemaclone.sample.liquibase;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second context configuration: a clone of its own, which never sees the notes of the
 * default context's tests.
 */
@SpringBootTest(properties = "notes.variant=other")
class OtherContextNotesTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private NoteRepository notes;

	@Test
	void runsOnAMigratedCloneOfItsOwn() {
		NoteChecks.assertMigratedClone(this.dataSource);
	}

	@Test
	void seesOnlyItsOwnNotes() {
		this.notes.add("TEST", "written by the other context");
		assertThat(this.notes.texts("DB")).isEmpty();
		assertThat(this.notes.texts("TEST")).containsExactly("written by the other context");
	}

}
