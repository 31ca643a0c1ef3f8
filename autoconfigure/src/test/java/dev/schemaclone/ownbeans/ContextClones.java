package dev.schemaclone.ownbeans;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.schemaclone.testsupport.SchemaSnapshot;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tests of applications' own migration beans ask of a context's clone.
 */
final class ContextClones {

	private ContextClones() {
	}

	static String schemaOf(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForObject("SELECT DATABASE()", String.class);
	}

	/**
	 * Assert that a clone equals, object for object and row for row, the template the
	 * registry says it was filled from.
	 */
	static void assertEqualsItsTemplate(String prefix, String clone) throws SQLException {
		try (Connection connection = TestServer.server().open()) {
			String template = new JdbcTemplate(new SingleConnectionDataSource(connection, true)).queryForObject(
					"SELECT template FROM " + prefix + "_registry.owned_schema WHERE schema_name = ?", String.class,
					clone);
			assertThat(template).as("the template of " + clone).startsWith(prefix + "_tpl_");
			assertThat(SchemaSnapshot.exact(connection, clone).facts()).as(clone)
				.isEqualTo(SchemaSnapshot.exact(connection, template).facts());
		}
	}

}
