package dev.schemaclone.sample;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mysql.MySQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MySQL container with {@code @ServiceConnection}: the context still runs on a clone,
 * and the container's own database stays empty. Skipped where no Docker engine answers.
 */
@SpringBootTest
@Testcontainers(disabledWithoutDocker = true)
class ContainerServiceConnectionTests {

	@Container
	@ServiceConnection
	static MySQLContainer mysql = new MySQLContainer("mysql:8.4");

	@Autowired
	private DataSource dataSource;

	@Test
	void runsOnACloneInTheContainer() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).startsWith("schemaclone_c_");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
				Integer.class, mysql.getDatabaseName()))
			.isZero();
	}

}
