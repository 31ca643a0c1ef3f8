package dev.schemaclone.sample.liquibase;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh on a Liquibase template: every test starts with no note, and its first note
 * gets id 1.
 */
@SpringBootTest(properties = "schemaclone.refresh=after-each-test-method")
class RefreshedNotesTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private NoteRepository notes;

	@Test
	void firstNote() {
		assertFirstNoteOfAPristineClone("first");
	}

	@Test
	void anotherFirstNote() {
		assertFirstNoteOfAPristineClone("another");
	}

	private void assertFirstNoteOfAPristineClone(String text) {
		NoteChecks.assertMigratedClone(this.dataSource);
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM note", Integer.class)).isZero();
		this.notes.add("DB", text);
		assertThat(jdbc.queryForObject("SELECT MAX(id) FROM note", Long.class)).isEqualTo(1);
	}

}
