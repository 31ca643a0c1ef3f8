package dev.schemaclone.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs after the forked test suite has ended: no clone of a test JVM outlives it; what
 * stays are warm clones for the next build, within the bound and holding none of the rows
 * the tests wrote; and the schema the application's own configuration names was never
 * created or touched.
 */
class BuildCleanupIT {

	@Test
	void onlyPristineWarmClonesOutliveTheSuiteAndTheApplicationsSchemaIsUntouched() throws Exception {
		String url = System.getenv("SCHEMACLONE_TEST_URL");
		assumeTrue(url != null && !url.isBlank(),
				"SCHEMACLONE_TEST_URL is not set: each fork's zero-setup server ended with the fork");
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			List<String> warm = strings(statement,
					"SELECT schema_name FROM schemaclone_registry.owned_schema WHERE state = 'WARM'");
			// Other applications on the server (the Liquibase sample) keep warm clones of
			// their own.
			List<String> ours = strings(statement,
					"SELECT schema_name FROM schemaclone_registry.owned_schema WHERE state = 'WARM' AND application = '@sample-app'");
			assertThat(strings(statement,
					"SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'schemaclone\\_c\\_%'"))
				.as("clones left behind that are not warm")
				.containsExactlyInAnyOrderElementsOf(warm);
			assertThat(strings(statement,
					"SELECT schema_name FROM schemaclone_registry.owned_schema WHERE state = 'CLONE'"))
				.isEmpty();
			assertThat(strings(statement,
					"SELECT COUNT(*) FROM schemaclone_registry.owned_schema WHERE state = 'WARM' GROUP BY template"))
				.as("warm clones per template")
				.allSatisfy((count) -> assertThat(Integer.parseInt(count)).isLessThanOrEqualTo(16));
			assertThat(ours).as("warm clones of this application").isNotEmpty();
			for (String clone : ours) {
				assertThat(strings(statement,
						"SELECT CONCAT((SELECT COUNT(*) FROM `" + clone + "`.member), '/', (SELECT COUNT(*) FROM `"
								+ clone + "`.loan), '/', (SELECT COUNT(*) FROM `" + clone + "`.book))"))
					.as("members, loans and books of warm clone %s", clone)
					.containsExactly("0/0/4");
			}
			assertThat(strings(statement,
					"SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'library'"))
				.as("the schema named in the application's spring.datasource.url")
				.isEmpty();
		}
	}

	private static List<String> strings(Statement statement, String sql) throws Exception {
		List<String> values = new ArrayList<>();
		try (ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

}
