package dev.schemaclone.sample;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration history ran once per template, whatever the number of forks and contexts:
 * a Flyway callback that fires only when migrations are applied counts each run outside
 * the template, and a context's own Flyway run on its clone applies none. Counted per
 * template as it exists now, so that earlier builds' templates of the same name do not
 * count.
 */
@SpringBootTest
class HistoryRanOnceTests {

	@Autowired
	private DataSource dataSource;

	@Test
	void runsOnItsOwnClone() {
		ContextCheck.assertOwnSchema("default", this.dataSource, getClass());
	}

	@Test
	void everyTemplateWasMigratedExactlyOnce() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		// Runs of the templates that exist now, since each was registered: a template of
		// the
		// same name that retention dropped in an earlier build ran before that.
		List<Map<String, Object>> runs = jdbc.queryForList("SELECT r.schema_name, COUNT(*) AS runs"
				+ " FROM library_build_stats.history_run r JOIN schemaclone_registry.owned_schema t"
				+ " ON t.schema_name = r.schema_name AND r.ran_at >= t.created_at GROUP BY r.schema_name");
		String template = jdbc.queryForObject(
				"SELECT template FROM schemaclone_registry.owned_schema WHERE schema_name = DATABASE()", String.class);
		assertThat(runs).extracting((row) -> row.get("schema_name")).contains(template);
		assertThat(runs).allSatisfy((row) -> {
			assertThat((String) row.get("schema_name")).startsWith("schemaclone_tpl_");
			assertThat(((Number) row.get("runs")).intValue()).as("runs of %s", row.get("schema_name")).isEqualTo(1);
		});
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1", Integer.class))
			.isEqualTo(16);
	}

}
