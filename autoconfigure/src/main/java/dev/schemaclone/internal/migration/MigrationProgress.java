package dev.schemaclone.internal.migration;

/**
 * Which step of a template's migration runs, so that a failure or a timeout can name it.
 */
public final class MigrationProgress {

	private volatile String current = "the start of the migration (connecting or reading the history)";

	/**
	 * Record the step that starts now.
	 * @param step what it is, such as {@code migration V2__add_loans.sql}
	 */
	public void started(String step) {
		this.current = step;
	}

	/**
	 * Return the step that runs, or ran last.
	 * @return its description
	 */
	public String current() {
		return this.current;
	}

}
