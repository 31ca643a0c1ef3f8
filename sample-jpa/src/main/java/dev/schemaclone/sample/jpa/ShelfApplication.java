package dev.schemaclone.sample.jpa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small bookshelf on Spring Data JPA and MariaDB: Hibernate's default ids from
 * sequences, and books whose history the server keeps.
 */
@SpringBootApplication
public class ShelfApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShelfApplication.class, args);
	}

}
