package dev.schemaclone.sample.jpa;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a validated clone of its own; the server keeps each book's
 * history in the clone.
 */
@SpringBootTest
class ShelfTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private AuthorRepository authors;

	@Autowired
	private BookRepository books;

	@Test
	void runsOnAValidatedCloneOfItsOwn() {
		ShelfChecks.assertMigratedClone(this.dataSource, this.books);
	}

	@Test
	void renamedBookKeepsItsFormerTitle() {
		Book book = this.books.save(new Book("The Dispossesed", this.authors.findById(1L).orElseThrow()));
		book.setTitle("The Dispossessed");
		this.books.save(book);
		assertThat(this.books.titleHistory(book.getId())).containsExactly("The Dispossesed", "The Dispossessed");
	}

}
