package dev.schemaclone.ownbeans;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.schemaclone.internal.workspace.TestTemplates;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose only {@code SpringLiquibase} is its own gets a clone equal to the
 * template of its change log, the change log run once for all its contexts.
 */
class OwnLiquibaseBeanIT {

	static final String PREFIX = "it_ownliquibase";

	static final String RUN_ID = TestTemplates.newRunId();

	@BeforeAll
	static void emptyPrefixAndCounter() {
		TestServer.dropAll(PREFIX);
		TestTemplates.createCounter();
	}

	@AfterAll
	static void changeLogRanOnce() {
		assertThat(TestTemplates.runs(RUN_ID)).isOne();
	}

	@DynamicPropertySource
	static void runId(DynamicPropertyRegistry registry) {
		registry.add("schemaclone.prefix", () -> PREFIX);
		registry.add("ownbeans.run-id", () -> RUN_ID);
		registry.add("spring.flyway.enabled", () -> "false");
	}

	@Nested
	@SpringBootTest(classes = { OwnBeansApplication.class, OwnBeans.OwnLiquibase.class })
	class OneContext {

		@Autowired
		private DataSource dataSource;

		@Test
		void cloneEqualsTheTemplate() throws Exception {
			ContextClones.assertEqualsItsTemplate(PREFIX, ContextClones.schemaOf(this.dataSource));
			assertThat(TestTemplates.runs(RUN_ID)).isOne();
		}

	}

	@Nested
	@SpringBootTest(classes = { OwnBeansApplication.class, OwnBeans.OwnLiquibase.class },
			properties = "ownbeans.context=another")
	class AnotherContext {

		@Autowired
		private DataSource dataSource;

		@Test
		void cloneEqualsTheTemplate() throws Exception {
			ContextClones.assertEqualsItsTemplate(PREFIX, ContextClones.schemaOf(this.dataSource));
			assertThat(TestTemplates.runs(RUN_ID)).isOne();
		}

	}

}
