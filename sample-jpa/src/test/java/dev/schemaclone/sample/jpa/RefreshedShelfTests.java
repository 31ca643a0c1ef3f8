package dev.schemaclone.sample.jpa;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh after each test method on a JPA application: each test starts on what the
 * history left, its sequences' rows and its book's history included, whatever the test
 * before wrote, renamed or took from a sequence. Hibernate's ids are not reset: its
 * pooled optimizer keeps the rest of a block of 50 in the JVM.
 */
@SpringBootTest(properties = "schemaclone.refresh=after-each-test-method")
class RefreshedShelfTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private AuthorRepository authors;

	@Autowired
	private BookRepository books;

	@Test
	void renamesTheBookAndAddsOne() {
		startsFromTheHistoryAndWrites();
	}

	@Test
	void renamesTheBookAndAddsOneAgain() {
		startsFromTheHistoryAndWrites();
	}

	private void startsFromTheHistoryAndWrites() {
		ShelfChecks.assertPristine(this.dataSource, this.books);
		Book book = this.books.findById(1L).orElseThrow();
		book.setTitle("Earthsea");
		this.books.save(book);
		this.books.save(new Book("The Lathe of Heaven", this.authors.save(new Author("another"))));
		assertThat(this.books.titleHistory(1)).hasSize(3);
		assertThat(this.books.count()).isEqualTo(2);
	}

}
