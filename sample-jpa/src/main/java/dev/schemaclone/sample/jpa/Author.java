package dev.schemaclone.sample.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * A person who writes books; its id comes from {@code author_seq}.
 */
@Entity
public class Author {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	protected Author() {
	}

	public Author(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
