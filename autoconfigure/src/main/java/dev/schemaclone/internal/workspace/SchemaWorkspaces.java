package dev.schemaclone.internal.workspace;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.server.DatabaseServer;

/**
 * The workspaces of this process, one per server, user and prefix, opened on first use
 * and closed at exit after dropping the clones that no closed context dropped: the hook
 * that does it is registered when the first workspace opens.
 */
public final class SchemaWorkspaces {

	private static final Log logger = LogFactory.getLog(SchemaWorkspaces.class);

	private static final Map<String, SchemaWorkspace> workspaces = new ConcurrentHashMap<>();

	private static final Set<WorkspaceSettings> ignoredSettings = ConcurrentHashMap.newKeySet();

	/** Whether the hook that ends the workspaces at exit is registered: once. */
	private static final AtomicBoolean hooked = new AtomicBoolean();

	private SchemaWorkspaces() {
	}

	/**
	 * Return this process's workspace for a server, opening it on first use.
	 * @param server the server
	 * @param settings the settings; those of the first caller apply to a server, user and
	 * prefix, and a caller asking for others is warned once
	 * @return the workspace
	 */
	public static SchemaWorkspace get(DatabaseServer server, WorkspaceSettings settings) {
		String key = server.url().serverKey() + "|" + server.username() + "|" + settings.prefix();
		SchemaWorkspace workspace = workspaces.computeIfAbsent(key, (ignored) -> {
			if (hooked.compareAndSet(false, true)) {
				Runtime.getRuntime().addShutdownHook(new Thread(SchemaWorkspaces::closeAll, "schemaclone-shutdown"));
			}
			return SchemaWorkspace.open(server, settings);
		});
		if (!workspace.settings().equals(settings) && ignoredSettings.add(settings)) {
			logger.warn(
					("Contexts of this JVM ask for different schemaclone settings on %s under prefix '%s': %s applies, not %s. "
							+ "Give contexts that need other settings a prefix of their own")
						.formatted(server, settings.prefix(), workspace.settings(), settings));
		}
		return workspace;
	}

	/**
	 * Return what the workspaces of this process did so far, added up.
	 * @return the summary
	 */
	public static RunSummary summary() {
		return workspaces.values().stream().map(SchemaWorkspace::summary).reduce(RunSummary.empty(), RunSummary::plus);
	}

	/**
	 * Return whether a schema name has the shape of a clone under any prefix, such as one
	 * registered by hand with {@code SchemaClones}.
	 * @param schema a schema name
	 * @return whether it looks like a clone
	 */
	public static boolean isCloneName(String schema) {
		return SchemaRegistry.looksLikeClone(schema);
	}

	private static void closeAll() {
		for (SchemaWorkspace workspace : workspaces.values()) {
			workspace.endClones();
			workspace.close();
		}
	}

}
