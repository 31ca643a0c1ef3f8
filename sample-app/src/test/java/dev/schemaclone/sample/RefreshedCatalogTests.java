package dev.schemaclone.sample;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second class on the refreshing context of {@link RefreshedLoansTests}: while one of
 * them runs a test, the other's tests wait, so neither sees the other's rows or reset.
 */
@SpringBootTest(properties = "schemaclone.refresh=after-each-test-method")
class RefreshedCatalogTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private CatalogRepository catalog;

	@Test
	void runsOnItsOwnClone() {
		PristineLibrary.assertPristine(this.dataSource);
		ContextCheck.assertOwnSchema("refresh-per-method", this.dataSource, getClass());
	}

	@Test
	void addedBookGetsTheNextIdOfTheTemplate() throws InterruptedException {
		PristineLibrary.assertPristine(this.dataSource);
		long author = this.catalog.addAuthor("Octavia E. Butler");
		Book book = this.catalog.addBook(new Book(null, author, "Kindred", "FIC", "9780807083697", 2));
		assertThat(author).isEqualTo(4);
		assertThat(book.id()).isEqualTo(5);
		PristineLibrary.overlap();
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT COUNT(*) FROM book", Integer.class))
			.isEqualTo(5);
	}

	@Test
	void removedReferenceDataComesBack() throws InterruptedException {
		PristineLibrary.assertPristine(this.dataSource);
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.update("DELETE FROM genre WHERE code = 'CHILD'");
		jdbc.update("UPDATE genre SET label = 'changed'");
		PristineLibrary.overlap();
		assertThat(this.catalog.genres()).containsExactly("FIC", "HIST", "SCI", "SF");
	}

}
