package dev.schemaclone.sample.liquibase;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class NotesTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private NoteRepository notes;

	@Test
	void runsOnAMigratedCloneOfItsOwn() {
		NoteChecks.assertMigratedClone(this.dataSource);
		assertThat(this.notes.topics()).containsExactly("DB", "TEST");
	}

	@Test
	void addedNoteIsCountedByTheStoredFunction() {
		this.notes.add("DB", "written by the default context");
		assertThat(this.notes.texts("DB")).containsExactly("written by the default context");
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT note_count('DB')", Integer.class))
			.isEqualTo(1);
	}

}
