package dev.schemaclone.engine;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * A Flyway callback that remembers which migration runs, so that a failure or a timeout
 * can name it.
 */
final class MigrationTracker implements Callback {

	private volatile String current = "the start of the migration (connecting or reading the history)";

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
			this.current = "migration " + info.getScript();
		}
	}

	@Override
	public String getCallbackName() {
		return "schemaclone-tracker";
	}

	String current() {
		return this.current;
	}

}
