package dev.schemaclone.ownbeans;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Records how many migrations each Flyway migrate of this JVM executed, by the schema it
 * ran on: a template's build, or a context's own migrate on its clone.
 */
final class MigrateRecorder implements Callback {

	private static final Map<String, List<Integer>> executed = new ConcurrentHashMap<>();

	/**
	 * Return what each migrate on a schema executed, in order.
	 */
	static List<Integer> executedOn(String schema) {
		return List.copyOf(executed.getOrDefault(schema, List.of()));
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE_OPERATION_FINISH;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			executed.computeIfAbsent(context.getConnection().getCatalog(), (schema) -> new CopyOnWriteArrayList<>())
				.add(((MigrateResult) context.getOperationResult()).migrationsExecuted);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "migrateRecorder";
	}

}
