package dev.schemaclone.ownbeans;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.schemaclone.internal.workspace.TestTemplates;
import dev.schemaclone.testsupport.ChildJvm;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application whose only Flyway bean is its own gets what one with Boot's gets: a
 * clone equal to the template and a history run once for all its contexts and JVMs. Its
 * own migrate is skipped where the container would run it as the bean's init method, and
 * executes nothing where a {@code FlywayMigrationInitializer} and strategy of the
 * application's run it; Boot's Flyway with a strategy of the application's too. Several
 * Flyway beans are refused before any migrates.
 */
class OwnFlywayBeanIT {

	static final String PREFIX = "it_ownflyway";

	/**
	 * The run id of the histories of the application's own Flyway beans, which share one.
	 */
	static final String RUN_ID = TestTemplates.newRunId();

	/** The run id of the history of Boot's Flyway, configured apart. */
	static final String BOOT_RUN_ID = TestTemplates.newRunId();

	@BeforeAll
	static void emptyPrefixAndCounter() {
		TestServer.dropAll(PREFIX);
		TestTemplates.createCounter();
	}

	@AfterAll
	static void historiesRanOnce() {
		assertThat(TestTemplates.runs(RUN_ID)).as("runs of the own beans' history").isOne();
		assertThat(TestTemplates.runs(BOOT_RUN_ID)).as("runs of Boot's Flyway's history").isOne();
	}

	@DynamicPropertySource
	static void runIds(DynamicPropertyRegistry registry) {
		registry.add("schemaclone.prefix", () -> PREFIX);
		registry.add("ownbeans.run-id", () -> RUN_ID);
		registry.add("spring.flyway.placeholders.runId", () -> BOOT_RUN_ID);
	}

	/**
	 * Assert that a context's clone equals its template, that the history ran once so
	 * far, and what the context's own migrates on its clone executed.
	 * @param executed what each executed: none for a {@code migrate} init method, which
	 * is skipped; nothing for any other, which finds the full history
	 */
	static void assertFilledBeforeItsOwnMigrate(DataSource dataSource, String runId, Integer... executed)
			throws Exception {
		String clone = ContextClones.schemaOf(dataSource);
		ContextClones.assertEqualsItsTemplate(PREFIX, clone);
		assertThat(MigrateRecorder.executedOn(clone)).as("what the context's own migrates executed")
			.containsExactly(executed);
		assertThat(TestTemplates.runs(runId)).as("runs of the history so far").isOne();
	}

	@Test
	void twoMoreJvmsEachWithTwoContextsSkipTheirOwnMigrate() throws Exception {
		List<ChildJvm> children = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				children.add(ChildJvm.start(OwnBeanContexts.class, PREFIX, RUN_ID, "2"));
			}
			for (ChildJvm child : children) {
				for (int i = 0; i < 2; i++) {
					assertThat(child.awaitLine("CLONE " + i + " ", 180)).as(child::output)
						.matches(PREFIX + "_c_\\S+ \\[\\]");
				}
				assertThat(child.waitFor(90)).as(child::output).isZero();
			}
		}
		finally {
			for (ChildJvm child : children) {
				child.close();
			}
		}
		assertThat(TestTemplates.runs(RUN_ID)).as("runs of the history").isOne();
	}

	@Test
	void severalFlywayBeansAreRefusedBeforeEitherMigrates() {
		String runId = TestTemplates.newRunId();
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(OwnBeansApplication.class, OwnBeans.TwoFlyways.class)
				.web(WebApplicationType.NONE)
				.run("--schemaclone.prefix=" + PREFIX, "--ownbeans.run-id=" + runId, "--logging.level.root=warn"))
			.havingRootCause()
			.withMessage(
					"This context has 2 Flyway beans ('flyway', 'customFlyway'): schemaclone fills a context's clone from the template of one of them, and cannot migrate the template with several. "
							+ "Merge them into one (one Flyway with all the locations, one change log that includes the others), or set 'schemaclone.enabled=false' for this context");
		assertThat(TestTemplates.runs(runId)).as("runs of the first bean's history, in a template or a clone").isZero();
	}

	@Nested
	@SpringBootTest(classes = { OwnBeansApplication.class, OwnBeans.InitMethod.class })
	class InitMethod {

		@Autowired
		private DataSource dataSource;

		@Test
		void cloneIsFilledBeforeTheInitMethodMigrates() throws Exception {
			assertFilledBeforeItsOwnMigrate(this.dataSource, RUN_ID);
		}

	}

	@Nested
	@SpringBootTest(classes = { OwnBeansApplication.class, OwnBeans.InitMethod.class },
			properties = "ownbeans.context=another")
	class InitMethodInAnotherContext {

		@Autowired
		private DataSource dataSource;

		@Test
		void anotherContextGetsAnotherCloneOfTheSameTemplate() throws Exception {
			assertFilledBeforeItsOwnMigrate(this.dataSource, RUN_ID);
		}

	}

	@Nested
	@SpringBootTest(classes = { OwnBeansApplication.class, OwnBeans.InitializerWithStrategy.class })
	class InitializerWithStrategy {

		@Autowired
		private DataSource dataSource;

		@Test
		void cloneIsFilledBeforeTheApplicationsInitializerMigrates() throws Exception {
			assertFilledBeforeItsOwnMigrate(this.dataSource, RUN_ID, 0);
		}

	}

	@Nested
	@SpringBootTest(classes = { OwnBeansApplication.class, BootsFlywayWithStrategy.Strategy.class },
			properties = { "spring.flyway.locations=classpath:appdb,classpath:counted",
					"spring.flyway.placeholders.counterSchema=" + TestTemplates.COUNTER_SCHEMA })
	class BootsFlywayWithStrategy {

		@Autowired
		private DataSource dataSource;

		@Test
		void cloneIsFilledBeforeTheApplicationsStrategyMigrates() throws Exception {
			assertFilledBeforeItsOwnMigrate(this.dataSource, BOOT_RUN_ID, 0);
		}

		@Configuration(proxyBeanMethods = false)
		static class Strategy {

			@Bean
			FlywayMigrationStrategy migrationStrategy() {
				return Flyway::migrate;
			}

			@Bean
			MigrateRecorder migrateRecorder() {
				return new MigrateRecorder();
			}

		}

	}

}
