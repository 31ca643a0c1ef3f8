package dev.schemaclone.sample.jpa;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BookRepository extends JpaRepository<Book, Long> {

	/**
	 * Return every title a book has had, oldest first, from the history MariaDB keeps.
	 * @param id the book's id
	 * @return its titles
	 */
	@Query(value = "SELECT title FROM book FOR SYSTEM_TIME ALL WHERE id = ?1 ORDER BY ROW_START", nativeQuery = true)
	List<String> titleHistory(long id);

}
