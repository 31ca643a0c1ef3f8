package dev.schemaclone.sample;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every test class of the suite checks about the schema its context runs on: a clone
 * of its own, shared only with the classes of the same context configuration, holding
 * only the rows those classes wrote. Observations go to a schema outside the clones, so
 * that each class also checks what the classes before it saw in this build.
 */
final class ContextCheck {

	private static final String BUILD = System.getProperty("library.build-id", "local");

	/** A fork is a JVM: its context cache is the one contexts are shared in. */
	private static final String FORK = String.valueOf(ProcessHandle.current().pid());

	private ContextCheck() {
	}

	static String assertOwnSchema(String group, DataSource dataSource, Class<?> testClass) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		String schema = jdbc.queryForObject("SELECT DATABASE()", String.class);
		assertThat(schema).matches("schemaclone_c_[0-9a-f]{8}_[0-9]+");
		jdbc.update("INSERT INTO member (name, joined_on) VALUES (?, CURRENT_DATE)",
				group + ":" + testClass.getSimpleName());
		assertThat(jdbc.queryForList("SELECT name FROM member WHERE name LIKE '%:%'", String.class))
			.as("rows written by the classes of other contexts")
			.allMatch((name) -> name.startsWith(group + ":"));
		jdbc.execute("CREATE DATABASE IF NOT EXISTS library_build_stats");
		jdbc.execute(
				"CREATE TABLE IF NOT EXISTS library_build_stats.observation (build_id VARCHAR(32) NOT NULL, fork VARCHAR(20) NOT NULL,"
						+ " grp VARCHAR(32) NOT NULL, schema_name VARCHAR(64) NOT NULL, test_class VARCHAR(100) NOT NULL)");
		jdbc.update("INSERT INTO library_build_stats.observation VALUES (?, ?, ?, ?, ?)", BUILD, FORK, group, schema,
				testClass.getSimpleName());
		// Per fork: a fork that exits hands its clones back reset, as warm clones, and a
		// fork still
		// running may claim one; what another context left in it is what the check above
		// catches.
		assertThat(jdbc.queryForList(
				"SELECT DISTINCT grp FROM library_build_stats.observation WHERE build_id = ? AND fork = ? AND schema_name = ?",
				String.class, BUILD, FORK, schema))
			.as("context configurations that ran on schema %s", schema)
			.containsExactly(group);
		assertThat(jdbc.queryForList(
				"SELECT DISTINCT schema_name FROM library_build_stats.observation WHERE build_id = ? AND fork = ? AND grp = ?",
				String.class, BUILD, FORK, group))
			.as("schemas of context configuration %s in fork %s", group, FORK)
			.containsExactly(schema);
		return schema;
	}

}
