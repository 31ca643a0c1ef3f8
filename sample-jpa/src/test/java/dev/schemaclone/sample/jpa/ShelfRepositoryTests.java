package dev.schemaclone.sample.jpa;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JPA slice: Hibernate validates the clone against the entities when the context
 * starts, and ids come from the clone's sequences.
 */
@DataJpaTest
class ShelfRepositoryTests {

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
	void idsComeFromTheClonesSequences() {
		Author author = this.authors.saveAndFlush(new Author("Octavia E. Butler"));
		Book book = this.books.saveAndFlush(new Book("Kindred", author));
		// Past the ids the history took, from a block of 50 that NEXTVAL handed out.
		assertThat(author.getId()).isBetween(2L, 51L);
		assertThat(book.getId()).isBetween(2L, 51L);
		assertThat(this.authors.findByName("Ursula K. Le Guin")).get().extracting(Author::getId).isEqualTo(1L);
	}

}
