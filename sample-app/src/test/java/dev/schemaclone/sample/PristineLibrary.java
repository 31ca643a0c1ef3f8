package dev.schemaclone.sample;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a test of a refreshing context finds at its start, whatever the tests before it
 * (or beside it, in parallel classes) wrote: the migrated library and nothing else.
 */
final class PristineLibrary {

	/**
	 * Long enough for a test of another class on the same context to run meanwhile, were
	 * it allowed to.
	 */
	static final Duration OVERLAP = Duration.ofMillis(300);

	private PristineLibrary() {
	}

	static void assertPristine(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member", Integer.class)).as("members").isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM loan", Integer.class)).as("loans").isZero();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM book", Integer.class)).as("books").isEqualTo(4);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM author", Integer.class)).as("authors").isEqualTo(3);
		assertThat(jdbc.queryForList("SELECT CONCAT(code, '=', label) FROM genre ORDER BY code", String.class))
			.as("genres")
			.containsExactly("CHILD=Children", "FIC=Fiction", "HIST=History", "SCI=Science", "SF=Science fiction");
	}

	static void overlap() throws InterruptedException {
		Thread.sleep(OVERLAP.toMillis());
	}

}
