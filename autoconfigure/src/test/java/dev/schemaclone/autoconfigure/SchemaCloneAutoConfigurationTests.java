package dev.schemaclone.autoconfigure;

import liquibase.integration.spring.SpringLiquibase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.schemaclone.autoconfigure.migration.flyway.SchemaCloneFlywayAutoConfiguration;
import dev.schemaclone.autoconfigure.migration.liquibase.SchemaCloneLiquibaseAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the auto-configuration applies and backs off, and which configuration it rejects
 * at start-up; no database is touched.
 */
@ExtendWith(OutputCaptureExtension.class)
class SchemaCloneAutoConfigurationTests {

	private static final AutoConfigurations SCHEMACLONE = AutoConfigurations.of(SchemaCloneAutoConfiguration.class,
			SchemaCloneFlywayAutoConfiguration.class, SchemaCloneLiquibaseAutoConfiguration.class);

	private static final String FLYWAY = "schemaCloneFlywayPostProcessor";

	private static final String FLYWAY_DETAILS = "schemaCloneFlywayDetailsPostProcessor";

	private static final String FLYWAY_STRATEGY = "schemaCloneMigrationStrategy";

	private static final String LIQUIBASE = "schemaCloneLiquibasePostProcessor";

	private static final String LIQUIBASE_DETAILS = "schemaCloneLiquibaseDetailsPostProcessor";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(SCHEMACLONE)
		.withPropertyValues("spring.datasource.url=jdbc:mysql://127.0.0.1:1/app");

	@Test
	void registersTheContextsStateAndEachToolsSupport() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(ContextSchema.class)
			.hasSingleBean(JdbcClonePostProcessor.class)
			.hasBean(FLYWAY)
			.hasBean(FLYWAY_DETAILS)
			.hasBean(FLYWAY_STRATEGY)
			.hasBean(LIQUIBASE)
			.hasBean(LIQUIBASE_DETAILS));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("schemaclone.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ContextSchema.class)
				.doesNotHaveBean(FLYWAY)
				.doesNotHaveBean(LIQUIBASE));
	}

	@Test
	void keepsLiquibaseSupportWhereFlywayIsMissing() {
		this.runner.withClassLoader(new FilteredClassLoader(Flyway.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ContextSchema.class)
				.doesNotHaveBean(FLYWAY)
				.doesNotHaveBean(FLYWAY_DETAILS)
				.doesNotHaveBean(FLYWAY_STRATEGY)
				.hasBean(LIQUIBASE)
				.hasBean(LIQUIBASE_DETAILS));
	}

	@Test
	void keepsFlywaySupportWhereLiquibaseIsMissing() {
		this.runner.withClassLoader(new FilteredClassLoader(SpringLiquibase.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ContextSchema.class)
				.hasBean(FLYWAY)
				.hasBean(FLYWAY_DETAILS)
				.doesNotHaveBean(LIQUIBASE)
				.doesNotHaveBean(LIQUIBASE_DETAILS));
	}

	/**
	 * A context that migrates with neither tool (Hibernate's {@code ddl-auto}, SQL
	 * scripts) still runs on a clone.
	 */
	@Test
	void givesAClonedSchemaWhereNeitherToolIsPresent() {
		this.runner.withClassLoader(new FilteredClassLoader("org.flywaydb", "liquibase"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ContextSchema.class)
				.hasSingleBean(JdbcClonePostProcessor.class)
				.doesNotHaveBean(FLYWAY)
				.doesNotHaveBean(LIQUIBASE));
	}

	/**
	 * An application may build its own {@code Flyway} bean with flyway-core alone: its
	 * clone is filled from it all the same.
	 */
	@Test
	void fillsFromFlywayBeansWhereBootsFlywaySupportIsMissing() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.flyway"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ContextSchema.class)
				.hasBean(FLYWAY)
				.doesNotHaveBean(FLYWAY_DETAILS)
				.doesNotHaveBean(FLYWAY_STRATEGY));
	}

	/**
	 * An application may build its own {@code SpringLiquibase} bean with liquibase-core
	 * alone: its clone is filled from it all the same.
	 */
	@Test
	void fillsFromSpringLiquibaseBeansWhereBootsLiquibaseSupportIsMissing() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.liquibase"))
			.run((context) -> assertThat(context).hasNotFailed().hasBean(LIQUIBASE).doesNotHaveBean(LIQUIBASE_DETAILS));
	}

	/**
	 * A context whose data source is not MySQL (H2 here) but whose Flyway names a MySQL
	 * server of its own runs without a clone: Flyway keeps its URL.
	 */
	@Test
	void migrationToolKeepsItsOwnUrlWhenTheDataSourceHasNoClone(CapturedOutput output) {
		String flywayUrl = "jdbc:mysql://127.0.0.1:1/flyway_only";
		new ApplicationContextRunner().withConfiguration(SCHEMACLONE)
			.withBean(JdbcConnectionDetails.class, () -> new JdbcDetails("jdbc:h2:mem:app"))
			.withBean(FlywayConnectionDetails.class, () -> new FlywayDetails(flywayUrl))
			.run((context) -> {
				assertThat(context.getBean(FlywayConnectionDetails.class).getJdbcUrl()).isEqualTo(flywayUrl);
				assertThat(output.toString().split("is not a MySQL or MariaDB URL", -1)).as("warnings").hasSize(2);
			});
	}

	/**
	 * A {@code @ServiceConnection} container gives both connection details; with
	 * schemaclone turned off, the context runs on the container's own database, Flyway
	 * included.
	 */
	@Test
	void containerDetailsAreLeftAloneWhenTurnedOff() {
		String containerUrl = "jdbc:mysql://127.0.0.1:1/test";
		new ApplicationContextRunner().withConfiguration(SCHEMACLONE)
			.withPropertyValues("schemaclone.enabled=false")
			.withBean(JdbcConnectionDetails.class, () -> new JdbcDetails(containerUrl))
			.withBean(FlywayConnectionDetails.class, () -> new FlywayDetails(containerUrl))
			.run((context) -> {
				assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl()).isEqualTo(containerUrl);
				assertThat(context.getBean(FlywayConnectionDetails.class).getJdbcUrl()).isEqualTo(containerUrl);
			});
	}

	/**
	 * A {@code migrate} init method taken off a {@code Flyway} bean still runs, once,
	 * where the context has no clone to fill (an H2 data source here); an init method of
	 * that name on another type is left to the container.
	 */
	@Test
	void migrateInitMethodRunsOnceWhereNoCloneIsFilled() {
		new ApplicationContextRunner().withConfiguration(SCHEMACLONE)
			.withBean(JdbcConnectionDetails.class, () -> new JdbcDetails("jdbc:h2:mem:app"))
			.withUserConfiguration(MigrateInitMethods.class)
			.run((context) -> {
				assertThat(context.getBean(CountingFlyway.class).migrations).isOne();
				assertThat(context.getBean(Migrator.class).migrations).isOne();
			});
	}

	@Test
	void givesNoServerOfItsOwnWhenTheApplicationNamesOne() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(JdbcConnectionDetails.class));
	}

	@Test
	void givesTheZeroSetupServerWhenTheApplicationNamesNone() {
		new ApplicationContextRunner().withConfiguration(SCHEMACLONE)
			.run((context) -> assertThat(context).getBean("schemaCloneZeroSetupConnectionDetails")
				.isInstanceOf(CloneJdbcConnectionDetails.class));
	}

	@Test
	void nonMySqlUrlIsLeftAloneWithAWarning(CapturedOutput output) {
		this.runner.withBean(JdbcConnectionDetails.class, () -> new JdbcDetails("jdbc:h2:mem:app")).run((context) -> {
			assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl()).isEqualTo("jdbc:h2:mem:app");
			assertThat(output)
				.contains("'jdbc:h2:mem:app' is not a MySQL or MariaDB URL: this context runs on it without a clone");
		});
	}

	@Test
	void unsafePrefixFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("schemaclone.prefix=app; DROP DATABASE x")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"'app; DROP DATABASE x' is not a safe schema name prefix (from schemaclone.prefix)"));
	}

	@Test
	void negativeLockTimeoutFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("schemaclone.lock-timeout=-5s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("'schemaclone.lock-timeout' must be more than 0 and at most 1 day, but was PT-5S"));
	}

	@Test
	void tooManyKeptFailuresFailStartUpNamingTheProperty() {
		this.runner.withPropertyValues("schemaclone.keep-failed=1000")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("'schemaclone.keep-failed' must be between 0 and 100, but was 1000"));
	}

	@Test
	void absurdPoolSizeFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("schemaclone.pool-size=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("'schemaclone.pool-size' must be between 1 and 100, but was 0"));
	}

	@Configuration(proxyBeanMethods = false)
	static class MigrateInitMethods {

		@Bean(initMethod = "migrate")
		CountingFlyway flyway() {
			return new CountingFlyway();
		}

		@Bean(initMethod = "migrate")
		Migrator migrator() {
			return new Migrator();
		}

	}

	static class CountingFlyway extends Flyway {

		int migrations;

		CountingFlyway() {
			super(Flyway.configure());
		}

		@Override
		public MigrateResult migrate() {
			this.migrations++;
			return null;
		}

	}

	static class Migrator {

		int migrations;

		void migrate() {
			this.migrations++;
		}

	}

	private record JdbcDetails(String url) implements JdbcConnectionDetails {

		@Override
		public String getUsername() {
			return "sa";
		}

		@Override
		public String getPassword() {
			return "";
		}

		@Override
		public String getJdbcUrl() {
			return this.url;
		}

	}

	private record FlywayDetails(String url) implements FlywayConnectionDetails {

		@Override
		public String getUsername() {
			return "flyway";
		}

		@Override
		public String getPassword() {
			return "";
		}

		@Override
		public String getJdbcUrl() {
			return this.url;
		}

	}

}
