package dev.schemaclone.sample.jpa;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every context of the suite must see: its own clone, holding what the history left.
 */
final class ShelfChecks {

	/** The title of the history's one book, renamed once by a data migration. */
	static final String TITLE = "A Wizard of Earthsea";

	private ShelfChecks() {
	}

	/**
	 * Assert that a context runs on a clone of its own, holding the history's book and
	 * its former title: what no test of the suite changes for good.
	 */
	static void assertMigratedClone(DataSource dataSource, BookRepository books) {
		assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT DATABASE()", String.class))
			.startsWith("schemaclone_c_");
		assertThat(books.findById(1L)).get().extracting(Book::getTitle).isEqualTo(TITLE);
		assertThat(books.titleHistory(1)).containsExactly("A Wizard of Earthsee", TITLE);
	}

	/**
	 * Assert that a clone holds exactly what the history left: one book, and sequences
	 * whose rows say 51 (the history took 1 from each), where {@code NEXTVAL} goes on.
	 */
	static void assertPristine(DataSource dataSource, BookRepository books) {
		assertMigratedClone(dataSource, books);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(books.count()).isOne();
		assertThat(jdbc.queryForObject("SELECT next_not_cached_value FROM book_seq", Long.class)).isEqualTo(51);
		assertThat(jdbc.queryForObject("SELECT next_not_cached_value FROM author_seq", Long.class)).isEqualTo(51);
	}

}
