package dev.schemaclone.internal.migration;

import java.util.Arrays;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;

import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * A template migrated by Flyway with the application's own configuration: locations,
 * placeholders, Java migrations, callbacks and every other setting.
 */
public final class FlywayMigrationSet implements MigrationSet {

	private final Configuration configuration;

	/**
	 * Use a Flyway configuration.
	 * @param configuration the configuration the application's own Flyway would run with
	 * @throws SchemaCloneException if it names schemas of its own
	 */
	public FlywayMigrationSet(Configuration configuration) {
		if (configuration.getSchemas().length > 0 || configuration.getDefaultSchema() != null) {
			throw new SchemaCloneException(
					"Flyway is configured with schemas %s and default schema '%s'; schemaclone migrates each context's own schema, so remove 'spring.flyway.schemas' and 'spring.flyway.default-schema' from the test configuration"
						.formatted(String.join(",", configuration.getSchemas()), configuration.getDefaultSchema()));
		}
		this.configuration = configuration;
	}

	@Override
	public MigrationFingerprint fingerprint() {
		return FingerprintCache.get(FlywayFingerprint.key(this.configuration),
				() -> FlywayFingerprint.of(this.configuration));
	}

	@Override
	public int migrate(DatabaseServer server, String schema, MigrationProgress progress) {
		Callback[] callbacks = Stream
			.concat(Arrays.stream(this.configuration.getCallbacks()), Stream.of(new Tracker(progress)))
			.toArray(Callback[]::new);
		return Flyway.configure(this.configuration.getClassLoader())
			.configuration(this.configuration)
			.dataSource(server.urlOf(schema).toJdbcUrl(), server.username(), server.password())
			.callbacks(callbacks)
			.load()
			.migrate().migrationsExecuted;
	}

	/**
	 * Tells the progress which migration starts.
	 */
	private record Tracker(MigrationProgress progress) implements Callback {

		@Override
		public boolean supports(Event event, Context context) {
			return event == Event.BEFORE_EACH_MIGRATE;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			MigrationInfo info = context.getMigrationInfo();
			if (info != null) {
				this.progress.started("migration " + info.getScript());
			}
		}

		@Override
		public String getCallbackName() {
			return "schemaclone-tracker";
		}

	}

}
