package dev.schemaclone.internal.workspace;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.schemaclone.internal.server.DatabaseServer;

/**
 * The workspaces of this process, one per server, user and prefix, opened on first use and
 * closed at exit after dropping the clones that no closed context dropped.
 */
public final class SchemaWorkspaces {

	private static final Map<String, SchemaWorkspace> workspaces = new ConcurrentHashMap<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(SchemaWorkspaces::closeAll, "schemaclone-shutdown"));
	}

	private SchemaWorkspaces() {
	}

	/**
	 * Return this process's workspace for a server, opening it on first use.
	 * @param server the server
	 * @param settings the settings; those of the first caller win for a server and prefix
	 * @return the workspace
	 */
	public static SchemaWorkspace get(DatabaseServer server, WorkspaceSettings settings) {
		String key = server.url().serverKey() + "|" + server.username() + "|" + settings.prefix();
		return workspaces.computeIfAbsent(key, (ignored) -> SchemaWorkspace.open(server, settings));
	}

	/**
	 * Return what the workspaces of this process did so far, added up.
	 * @return the summary
	 */
	public static RunSummary summary() {
		return workspaces.values().stream().map(SchemaWorkspace::summary).reduce(RunSummary.empty(), RunSummary::plus);
	}

	private static void closeAll() {
		for (SchemaWorkspace workspace : workspaces.values()) {
			workspace.endClones();
			workspace.close();
		}
	}

}
