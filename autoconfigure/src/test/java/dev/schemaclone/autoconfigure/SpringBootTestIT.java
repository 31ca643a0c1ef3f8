package dev.schemaclone.autoconfigure;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain {@code @SpringBootTest} of an application that knows nothing of schemaclone
 * gets a clone of its migrated schema.
 */
@SpringBootTest
class SpringBootTestIT {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private Flyway flyway;

	@Test
	void contextRunsOnAMigratedCloneOfItsOwn() {
		assertThat(ContextSchemas.currentSchema(this.dataSource)).matches("it_spring_c_[0-9a-f]{8}_[0-9]+");
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT name FROM person", String.class))
			.isEqualTo("reference row");
		assertThat(this.flyway.info().pending()).isEmpty();
	}

}
