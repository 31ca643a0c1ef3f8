package dev.schemaclone.sample.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A book on the shelf; its id comes from {@code book_seq}, and the server keeps every
 * earlier version of it.
 */
@Entity
public class Book {

	@Id
	@GeneratedValue
	private Long id;

	private String title;

	@ManyToOne(optional = false)
	private Author author;

	protected Book() {
	}

	public Book(String title, Author author) {
		this.title = title;
		this.author = author;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public Author getAuthor() {
		return this.author;
	}

}
