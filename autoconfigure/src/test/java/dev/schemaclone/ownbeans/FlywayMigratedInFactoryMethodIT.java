package dev.schemaclone.ownbeans;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.schemaclone.internal.workspace.TestTemplates;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Flyway bean that migrates inside its own factory method runs its history into the
 * clone before schemaclone can fill it: the context still starts, on a clone equal to the
 * template, and a warning names the bean and what to change.
 */
@ExtendWith(OutputCaptureExtension.class)
class FlywayMigratedInFactoryMethodIT {

	static final String PREFIX = "it_ownfactory";

	static final String RUN_ID = TestTemplates.newRunId();

	@BeforeAll
	static void emptyPrefixAndCounter() {
		TestServer.dropAll(PREFIX);
		TestTemplates.createCounter();
	}

	@DynamicPropertySource
	static void runId(DynamicPropertyRegistry registry) {
		registry.add("schemaclone.prefix", () -> PREFIX);
		registry.add("ownbeans.run-id", () -> RUN_ID);
	}

	@Nested
	@SpringBootTest(classes = { OwnBeansApplication.class, OwnBeans.MigratedInFactoryMethod.class })
	class MigratedInFactoryMethod {

		@Autowired
		private DataSource dataSource;

		@Test
		void contextStartsOnACloneOfTheTemplateWithAWarningNamingTheBean(CapturedOutput output) throws Exception {
			String clone = ContextClones.schemaOf(this.dataSource);
			ContextClones.assertEqualsItsTemplate(PREFIX, clone);
			assertThat(TestTemplates.runs(RUN_ID)).as("the template's run and the factory method's").isEqualTo(2);
			assertThat(output).contains("WARN")
				.contains("Schema '" + clone
						+ "' was migrated before schemaclone could fill it from the template of Flyway bean 'flyway', so this context ran the whole history itself; schemaclone replaces it with a clone of the template.")
				.contains("declare it @Bean(initMethod = \"migrate\")");
		}

	}

}
