package dev.schemaclone.autoconfigure;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC test slices run on a clone, not on an embedded replacement.
 */
class SliceIT {

	@Nested
	@JdbcTest
	class Jdbc {

		@Autowired
		private DataSource dataSource;

		@Test
		void runsOnAClone() {
			assertThat(ContextSchemas.currentSchema(this.dataSource)).startsWith("it_spring_c_");
			assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT COUNT(*) FROM person", Integer.class))
				.isEqualTo(1);
		}

	}

	@Nested
	@DataJdbcTest
	class DataJdbc {

		@Autowired
		private DataSource dataSource;

		@Test
		void runsOnAClone() {
			assertThat(ContextSchemas.currentSchema(this.dataSource)).startsWith("it_spring_c_");
		}

	}

	@Nested
	@DataJpaTest
	class DataJpa {

		@Autowired
		private DataSource dataSource;

		@Autowired
		private EntityManager entityManager;

		@Test
		void runsOnAClone() {
			assertThat(ContextSchemas.currentSchema(this.dataSource)).startsWith("it_spring_c_");
			this.entityManager.persist(new Person("jpa"));
			assertThat(this.entityManager.createQuery("select count(p) from Person p", Long.class).getSingleResult())
				.isEqualTo(2);
		}

	}

}
