package dev.schemaclone.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.schemaclone.autoconfigure.SchemaCloneProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration history ran once per template, whatever the number of forks and contexts:
 * a Flyway callback that fires only when migrations are applied counts each run outside
 * the template, and a context's own Flyway run on its clone applies none. Counted per
 * template as it exists now, so that earlier builds' templates of the same name do not
 * count. A template restored from a snapshot ran no migration: a server emptied since an
 * earlier build (the zero-setup server started again) restores it from the snapshot that
 * build wrote.
 */
@SpringBootTest
class HistoryRanOnceTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private Environment environment;

	@Test
	void runsOnItsOwnClone() {
		ContextCheck.assertOwnSchema("default", this.dataSource, getClass());
	}

	@Test
	void everyTemplateWasMigratedExactlyOnce() throws IOException {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		// Runs of the templates that exist now, since each was registered: a template of
		// the same name that retention dropped in an earlier build ran before that. The
		// callback creates the table: a server whose templates were all restored has
		// none.
		List<Map<String, Object>> runs = hasRunTable(jdbc)
				? jdbc.queryForList("SELECT r.schema_name, COUNT(*) AS runs"
						+ " FROM library_build_stats.history_run r JOIN schemaclone_registry.owned_schema t"
						+ " ON t.schema_name = r.schema_name AND r.ran_at >= t.created_at GROUP BY r.schema_name")
				: List.of();
		Map<String, Object> template = jdbc.queryForMap("SELECT t.schema_name, t.fingerprint"
				+ " FROM schemaclone_registry.owned_schema c JOIN schemaclone_registry.owned_schema t"
				+ " ON t.schema_name = c.template WHERE c.schema_name = DATABASE()");
		if (runs.stream().noneMatch((row) -> row.get("schema_name").equals(template.get("schema_name")))) {
			assertThat(hasSnapshot((String) template.get("fingerprint")))
				.as("%s ran no migration, and has no snapshot to be restored from", template.get("schema_name"))
				.isTrue();
		}
		assertThat(runs).allSatisfy((row) -> {
			assertThat((String) row.get("schema_name")).startsWith("schemaclone_tpl_");
			assertThat(((Number) row.get("runs")).intValue()).as("runs of %s", row.get("schema_name")).isEqualTo(1);
		});
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1", Integer.class))
			.isEqualTo(16);
	}

	private static boolean hasRunTable(JdbcTemplate jdbc) {
		return jdbc.queryForObject(
				"SELECT COUNT(*) FROM information_schema.TABLES"
						+ " WHERE TABLE_SCHEMA = 'library_build_stats' AND TABLE_NAME = 'history_run'",
				Integer.class) > 0;
	}

	/**
	 * Return whether the snapshot directory holds a snapshot of a fingerprint, for any
	 * server.
	 */
	private boolean hasSnapshot(String fingerprint) throws IOException {
		Path directory = Binder.get(this.environment)
			.bindOrCreate("schemaclone", SchemaCloneProperties.class)
			.getSnapshot()
			.getDirectory();
		if (!Files.isDirectory(directory)) {
			return false;
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.anyMatch((file) -> file.getFileName().toString().contains("-" + fingerprint + "-"));
		}
	}

}
