package dev.schemaclone.sample;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class CatalogTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private CatalogRepository catalog;

	@Test
	void runsOnItsOwnClone() {
		ContextCheck.assertOwnSchema("default", this.dataSource, getClass());
	}

	@Test
	void referenceCatalogueIsThere() {
		assertThat(this.catalog.genres()).containsExactly("CHILD", "FIC", "HIST", "SCI", "SF");
		assertThat(this.catalog.findBooks()).extracting(Book::title).contains("Solaris", "SPQR");
	}

	@Test
	void addedBookIsAvailable() {
		long author = this.catalog.addAuthor("Octavia E. Butler");
		Book book = this.catalog.addBook(new Book(null, author, "Kindred", "FIC", "9780807083697", 2));
		assertThat(this.catalog.availableCopies(book.id())).isEqualTo(2);
	}

}
