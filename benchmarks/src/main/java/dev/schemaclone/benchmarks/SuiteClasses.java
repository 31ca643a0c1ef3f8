package dev.schemaclone.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The test classes one fork of the whole-suite benchmark runs: three classes for each of
 * four context configurations, as a Surefire fork of a real suite gets them.
 */
final class SuiteClasses {

	/**
	 * Statements each test sends: a little work, as most tests of a real suite do.
	 */
	static final int STATEMENTS_PER_TEST = 20;

	/**
	 * Context configurations, each with its own cached context and schema.
	 */
	static final int CONTEXTS = 4;

	private SuiteClasses() {
	}

	/**
	 * The classes in the order the fork is given them: the contexts' first classes first,
	 * so that parallel classes start several contexts and then share them.
	 */
	static List<Class<?>> inOrder() {
		return List.of(Context0First.class, Context1First.class, Context2First.class, Context3First.class,
				Context0Second.class, Context1Second.class, Context2Second.class, Context3Second.class,
				Context0Third.class, Context1Third.class, Context2Third.class, Context3Third.class);
	}

	abstract static class Work {

		@Autowired
		JdbcTemplate jdbc;

		@Test
		void insertsAndCounts() {
			for (int i = 0; i < STATEMENTS_PER_TEST / 2; i++) {
				this.jdbc.update("INSERT INTO t1 (name) VALUES (?)", getClass().getSimpleName() + " " + i);
				this.jdbc.queryForObject("SELECT COUNT(*) FROM t1", Integer.class);
			}
		}

		@Test
		void readsReferenceData() {
			for (int i = 0; i < STATEMENTS_PER_TEST; i++) {
				this.jdbc.queryForList("SELECT id, name FROM t" + (1 + i) + " ORDER BY id LIMIT 5");
			}
		}

	}

	@SpringBootTest(classes = SuiteApplication.class, properties = "bench.context=0")
	abstract static class Context0 extends Work {

	}

	@SpringBootTest(classes = SuiteApplication.class, properties = "bench.context=1")
	abstract static class Context1 extends Work {

	}

	@SpringBootTest(classes = SuiteApplication.class, properties = "bench.context=2")
	abstract static class Context2 extends Work {

	}

	@SpringBootTest(classes = SuiteApplication.class, properties = "bench.context=3")
	abstract static class Context3 extends Work {

	}

	static class Context0First extends Context0 {

	}

	static class Context0Second extends Context0 {

	}

	static class Context0Third extends Context0 {

	}

	static class Context1First extends Context1 {

	}

	static class Context1Second extends Context1 {

	}

	static class Context1Third extends Context1 {

	}

	static class Context2First extends Context2 {

	}

	static class Context2Second extends Context2 {

	}

	static class Context2Third extends Context2 {

	}

	static class Context3First extends Context3 {

	}

	static class Context3Second extends Context3 {

	}

	static class Context3Third extends Context3 {

	}

}
