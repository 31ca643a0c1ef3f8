package dev.schemaclone.autoconfigure;

import java.sql.Connection;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection details given as beans, the way {@code @ServiceConnection} gives them for a
 * container: both the JDBC and the Flyway details are redirected to the clone, and the
 * container's own schema is never migrated.
 */
@SpringBootTest
class ServiceConnectionIT {

	private static final String CONTAINER_SCHEMA = "it_spring_container_default";

	@Autowired
	private DataSource dataSource;

	@Autowired
	private Flyway flyway;

	@Autowired
	private JdbcConnectionDetails jdbcDetails;

	@Autowired
	private FlywayConnectionDetails flywayDetails;

	@BeforeAll
	static void createContainerSchema() {
		TestServer.execute("DROP DATABASE IF EXISTS " + CONTAINER_SCHEMA, "CREATE DATABASE " + CONTAINER_SCHEMA,
				"CREATE TABLE " + CONTAINER_SCHEMA + ".untouched (id INT)");
	}

	@AfterAll
	static void dropContainerSchema() {
		TestServer.execute("DROP DATABASE IF EXISTS " + CONTAINER_SCHEMA);
	}

	@Test
	void bothConnectionDetailsPointAtTheClone() throws Exception {
		String clone = ContextSchemas.currentSchema(this.dataSource);
		assertThat(clone).startsWith("it_spring_c_");
		assertThat(this.jdbcDetails.getJdbcUrl()).contains("/" + clone);
		assertThat(this.flywayDetails.getJdbcUrl()).contains("/" + clone);
		try (Connection connection = this.flyway.getConfiguration().getDataSource().getConnection()) {
			assertThat(connection.getCatalog()).isEqualTo(clone);
		}
		assertThat(this.flyway.info().pending()).isEmpty();
	}

	@Test
	void containerSchemaIsNeverMigrated() {
		assertThat(ContextSchemas.tables(CONTAINER_SCHEMA)).containsExactly("untouched");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ContainerLikeConnection {

		private static final DatabaseServer server = TestServer.server();

		private static final String url = server.urlOf(CONTAINER_SCHEMA).toJdbcUrl();

		@Bean
		JdbcConnectionDetails containerJdbcConnectionDetails() {
			return new JdbcConnectionDetails() {

				@Override
				public String getUsername() {
					return server.username();
				}

				@Override
				public String getPassword() {
					return server.password();
				}

				@Override
				public String getJdbcUrl() {
					return url;
				}

			};
		}

		@Bean
		FlywayConnectionDetails containerFlywayConnectionDetails() {
			return new FlywayConnectionDetails() {

				@Override
				public String getUsername() {
					return server.username();
				}

				@Override
				public String getPassword() {
					return server.password();
				}

				@Override
				public String getJdbcUrl() {
					return url;
				}

			};
		}

	}

}
