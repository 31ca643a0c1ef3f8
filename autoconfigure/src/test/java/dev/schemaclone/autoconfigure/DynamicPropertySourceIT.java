package dev.schemaclone.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.schemaclone.SchemaClones;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explicit path: a clone registered from a {@code @DynamicPropertySource} method,
 * which the auto-configuration leaves as it is.
 */
@SpringBootTest(properties = "spring.flyway.enabled=false")
class DynamicPropertySourceIT {

	@Autowired
	private DataSource dataSource;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		DatabaseServer server = TestServer.server();
		SchemaClones.on(server.url().toJdbcUrl(), server.username(), server.password())
			.prefix("it_explicit")
			.snapshots(false)
			.flyway((flyway) -> flyway.locations("classpath:appdb"))
			.register(registry);
	}

	@Test
	void contextUsesTheRegisteredClone() {
		assertThat(ContextSchemas.currentSchema(this.dataSource)).matches("it_explicit_c_[0-9a-f]{8}_[0-9]+");
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT name FROM person", String.class))
			.isEqualTo("reference row");
	}

}
