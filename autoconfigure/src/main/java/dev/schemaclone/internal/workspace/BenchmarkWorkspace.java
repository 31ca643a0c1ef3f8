package dev.schemaclone.internal.workspace;

import dev.schemaclone.internal.copy.CloneReset;
import dev.schemaclone.internal.migration.MigrationSet;
import dev.schemaclone.internal.server.DatabaseServer;

/**
 * The entry point of the benchmarks module into the engine: a workspace of its own,
 * opened outside {@link SchemaWorkspaces}, and the steps a benchmark times one by one. It
 * exists for the benchmarks only; the layer above uses {@link SchemaWorkspace}.
 */
public final class BenchmarkWorkspace implements AutoCloseable {

	private final SchemaWorkspace workspace;

	private BenchmarkWorkspace(SchemaWorkspace workspace) {
		this.workspace = workspace;
	}

	/**
	 * Open a workspace, as {@link SchemaWorkspaces} does for the first context.
	 * @param server the server
	 * @param settings the settings
	 * @return the workspace
	 */
	public static BenchmarkWorkspace open(DatabaseServer server, WorkspaceSettings settings) {
		return new BenchmarkWorkspace(SchemaWorkspace.open(server, settings));
	}

	/**
	 * Return the template of a migration set, migrating it first if no process has.
	 * @param migrations the migration set
	 * @return the template's schema name
	 */
	public String template(MigrationSet migrations) {
		return this.workspace.template(migrations);
	}

	/**
	 * Create a clone of a ready template.
	 * @param template the template's schema name
	 * @return the clone's schema name
	 */
	public String createClone(String template) {
		return this.workspace.createClone(template);
	}

	/**
	 * Give a new context its schema, as the auto-configuration does: reserved, then
	 * completed from a template.
	 * @param template the template the context needs
	 * @return the context's schema
	 */
	public String contextSchema(String template) {
		ReservedSchema reserved = this.workspace.reserve("");
		this.workspace.completeFrom(reserved, template);
		return reserved.name();
	}

	/**
	 * Return the reset of one of this workspace's clones.
	 * @param clone the clone
	 * @param template the template it was filled from
	 * @return the reset, which holds a connection until closed
	 */
	public CloneReset resetOf(String clone, String template) {
		return this.workspace.resetOf(clone, template);
	}

	/**
	 * Drop a schema this workspace created, and wait for it.
	 * @param schema the schema
	 */
	public void drop(String schema) {
		this.workspace.drop(schema);
	}

	/**
	 * End every clone not dropped yet, as the end of a process does.
	 */
	public void endClones() {
		this.workspace.endClones();
	}

	@Override
	public void close() {
		this.workspace.close();
	}

}
