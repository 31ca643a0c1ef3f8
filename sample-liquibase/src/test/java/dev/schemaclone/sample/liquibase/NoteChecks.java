package dev.schemaclone.sample.liquibase;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every test class checks of the schema its context runs on: a clone of its own,
 * migrated by the application's change log once, in its template.
 */
final class NoteChecks {

	private NoteChecks() {
	}

	static String assertMigratedClone(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		String schema = jdbc.queryForObject("SELECT DATABASE()", String.class);
		assertThat(schema).matches("schemaclone_c_[0-9a-f]{8}_[0-9]+");
		assertThat(jdbc.queryForList("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED", String.class))
			.containsExactly("1", "2", "3");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED", Integer.class))
			.isZero();
		return schema;
	}

}
