package dev.schemaclone.internal.zerosetup;

import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.schemaclone.autoconfigure.SchemaCloneAutoConfiguration;
import dev.schemaclone.autoconfigure.migration.flyway.SchemaCloneFlywayAutoConfiguration;

/**
 * A test JVM with no server configured, run by {@link SharedZeroSetupIT}: one context on
 * the zero-setup server, which prints its schema, the server's port and each migration it
 * applies. Arguments: {@code exit} or {@code hold} (keeps running until killed).
 */
public final class ZeroSetupClient {

	private ZeroSetupClient() {
	}

	public static void main(String[] args) throws Exception {
		boolean[] failed = { false };
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SchemaCloneAutoConfiguration.class, SchemaCloneFlywayAutoConfiguration.class,
							DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
			.withPropertyValues("spring.flyway.locations=classpath:appdb", "schemaclone.prefix=it_shared")
			.withBean(FlywayConfigurationCustomizer.class,
					() -> (configuration) -> configuration.callbacks(new AppliedMigrations()))
			.run((context) -> {
				if (context.getStartupFailure() != null) {
					context.getStartupFailure().printStackTrace(System.out);
					failed[0] = true;
					return;
				}
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				System.out.println("SCHEMA " + jdbc.queryForObject("SELECT DATABASE()", String.class));
				System.out.println("ROW " + jdbc.queryForObject("SELECT name FROM person", String.class));
				System.out.println("PORT " + jdbc.queryForObject("SELECT @@port", String.class));
				if (args[0].equals("hold")) {
					System.out.println("HOLDING");
					new CountDownLatch(1).await();
				}
			});
		System.exit(failed[0] ? 1 : 0);
	}

	/** Prints each migration applied: the template's build is the only place one runs. */
	private static final class AppliedMigrations implements Callback {

		@Override
		public boolean supports(Event event, Context context) {
			return event == Event.AFTER_EACH_MIGRATE;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			System.out.println("APPLIED " + context.getMigrationInfo().getVersion());
		}

		@Override
		public String getCallbackName() {
			return "applied-migrations";
		}

	}

}
