package dev.schemaclone.sample;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Authors and books.
 */
@Repository
public class CatalogRepository {

	private final JdbcClient jdbc;

	public CatalogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long addAuthor(String name) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO author (name) VALUES (?)").param(name).update(key);
		return key.getKey().longValue();
	}

	public Book addBook(Book book) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO book (author_id, title, genre_code, isbn, copies) VALUES (?, ?, ?, ?, ?)")
			.params(book.authorId(), book.title(), book.genreCode(), book.isbn(), book.copies())
			.update(key);
		return new Book(key.getKey().longValue(), book.authorId(), book.title(), book.genreCode(), book.isbn(),
				book.copies());
	}

	public Optional<Book> findBook(long id) {
		return this.jdbc.sql("SELECT id, author_id, title, genre_code, isbn, copies FROM book WHERE id = ?")
			.param(id)
			.query(Book.class)
			.optional();
	}

	public List<Book> findBooks() {
		return this.jdbc.sql("SELECT id, author_id, title, genre_code, isbn, copies FROM book ORDER BY id")
			.query(Book.class)
			.list();
	}

	public int availableCopies(long bookId) {
		return this.jdbc.sql("SELECT available FROM available_book WHERE id = ?")
			.param(bookId)
			.query(Integer.class)
			.single();
	}

	public List<String> genres() {
		return this.jdbc.sql("SELECT code FROM genre ORDER BY code").query(String.class).list();
	}

}
