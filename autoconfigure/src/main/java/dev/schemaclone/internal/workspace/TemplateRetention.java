package dev.schemaclone.internal.workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.coordination.NamedLock;
import dev.schemaclone.internal.coordination.OwnerStatus;
import dev.schemaclone.internal.coordination.SchemaRegistry;
import dev.schemaclone.internal.coordination.SchemaRegistry.Entry;
import dev.schemaclone.internal.server.DatabaseServer;

/**
 * Drops templates that are no longer current, by application and recent use: a server
 * shared by many applications keeps each one's current template. Per prefix, it keeps the
 * {@value #KEEP_PER_LINEAGE} most recently used templates of each lineage (an
 * application's history as it grows: switching branches back and forth reuses them),
 * drops any not used for {@link #MAX_IDLE}, and keeps at most {@value #MAX_TEMPLATES} in
 * all; never one a live process has clones of or is cloning. A template's warm clones go
 * with it. Best effort: it runs after a template is ready, and a failure is logged and
 * left for the next build.
 */
final class TemplateRetention {

	static final int KEEP_PER_LINEAGE = 3;

	static final Duration MAX_IDLE = Duration.ofDays(7);

	static final int MAX_TEMPLATES = 32;

	private static final Log logger = LogFactory.getLog(TemplateRetention.class);

	private TemplateRetention() {
	}

	/**
	 * Drop the templates that are no longer current.
	 * @param server the server
	 * @param registry the registry of the prefix
	 * @param self the calling process's token
	 */
	static void prune(DatabaseServer server, SchemaRegistry registry, String self) {
		try (Connection connection = CleanupSession.open(server)) {
			List<Entry> entries = registry.findAll(connection);
			OwnerStatus owners = new OwnerStatus(connection, registry.prefix());
			Set<String> inUse = templatesInUse(entries, owners);
			for (Expired expired : expired(entries, serverTime(connection), inUse)) {
				retire(connection, registry, owners, expired, self);
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not drop old templates on %s (%s); the next template build tries again".formatted(server,
					ex.getMessage()));
		}
	}

	/**
	 * Return the templates to drop: beyond the most recently used few of their lineage,
	 * idle too long, or beyond the total, counting the templates in use, which are never
	 * dropped.
	 * @param entries the registry's rows
	 * @param now the server's time
	 * @param inUse the templates that live processes have clones of
	 * @return the templates to drop, most recently used first
	 */
	static List<Expired> expired(List<Entry> entries, Timestamp now, Set<String> inUse) {
		List<Entry> templates = entries.stream()
			.filter((entry) -> SchemaRegistry.READY.equals(entry.state())
					|| SchemaRegistry.FAILED.equals(entry.state()))
			.sorted(Comparator.comparing(Entry::lastUsedAt).reversed())
			.toList();
		Map<String, Integer> perLineage = new HashMap<>();
		Instant idleSince = now.toInstant().minus(MAX_IDLE);
		int kept = 0;
		List<Expired> expired = new ArrayList<>();
		for (Entry template : templates) {
			// Templates an older schemaclone built have no lineage: they count as one.
			int rank = perLineage.merge(Objects.requireNonNullElse(template.lineage(), ""), 1, Integer::sum);
			String reason = (rank > KEEP_PER_LINEAGE) ? "an older migration set of its application"
					: !template.lastUsedAt().toInstant().isAfter(idleSince)
							? "unused for " + MAX_IDLE.toDays() + " days" : (kept >= MAX_TEMPLATES)
									? "beyond the " + MAX_TEMPLATES + " most recently used templates" : null;
			if (reason == null || inUse.contains(template.name())) {
				kept++;
			}
			else {
				expired.add(new Expired(template, reason));
			}
		}
		return expired;
	}

	private static Timestamp serverTime(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT CURRENT_TIMESTAMP(6)")) {
			result.next();
			return result.getTimestamp(1);
		}
	}

	/**
	 * Drop one template unless a process has begun cloning it since the registry was
	 * read. The template is marked first and the clones are looked at after; a cloner
	 * records its clone first and looks at the mark after (see {@link SchemaWorkspace}):
	 * whichever comes second sees what the other wrote. Under the template's build lock,
	 * so that a process about to rebuild it waits, and one that finds the mark of a
	 * retention that died clears it.
	 */
	private static void retire(Connection connection, SchemaRegistry registry, OwnerStatus owners, Expired expired,
			String self) throws SQLException {
		Entry template = expired.template();
		try (NamedLock lock = NamedLock.tryAcquire(connection, registry.buildLockName(template.name()))) {
			if (lock == null
					|| !registry.changeState(connection, template.name(), template.state(), SchemaRegistry.RETIRING)) {
				return;
			}
			List<String> warm = retireWarmClones(connection, registry, template.name());
			if (warm == null || templatesInUse(registry.findAll(connection), owners).contains(template.name())) {
				for (String clone : (warm != null) ? warm : List.<String>of()) {
					registry.changeState(connection, clone, SchemaRegistry.WARM_RETIRING, SchemaRegistry.WARM);
				}
				registry.changeState(connection, template.name(), SchemaRegistry.RETIRING, template.state());
				return;
			}
			for (String clone : warm) {
				registry.drop(connection, clone, self);
			}
			registry.drop(connection, template.name(), self);
			logger.info("Dropped template '%s' (last used %s) and its %d warm clones: %s".formatted(template.name(),
					template.lastUsedAt(), warm.size(), expired.reason()));
		}
	}

	/**
	 * Mark the warm clones of a template for dropping with it, each only if no process
	 * has claimed it meanwhile; those a retention that died marked already come too (the
	 * build lock held here proves it dead).
	 * @return the marked clones, or {@code null} if a process claimed one (their marks
	 * are then taken back by the caller, with those of the list so far)
	 */
	private static @Nullable List<String> retireWarmClones(Connection connection, SchemaRegistry registry,
			String template) throws SQLException {
		List<String> marked = new ArrayList<>();
		for (Entry entry : registry.findAll(connection)) {
			if (!template.equals(entry.template())) {
				continue;
			}
			if (SchemaRegistry.WARM_RETIRING.equals(entry.state())) {
				marked.add(entry.name());
			}
			else if (SchemaRegistry.WARM.equals(entry.state())) {
				if (!registry.changeState(connection, entry.name(), SchemaRegistry.WARM,
						SchemaRegistry.WARM_RETIRING)) {
					for (String clone : marked) {
						registry.changeState(connection, clone, SchemaRegistry.WARM_RETIRING, SchemaRegistry.WARM);
					}
					return null;
				}
				marked.add(entry.name());
			}
		}
		return marked;
	}

	private static Set<String> templatesInUse(List<Entry> entries, OwnerStatus owners) throws SQLException {
		Set<String> inUse = new HashSet<>();
		for (Entry entry : entries) {
			if (SchemaRegistry.CLONE.equals(entry.state()) && entry.template() != null
					&& !owners.isDead(entry.owner())) {
				inUse.add(entry.template());
			}
		}
		return inUse;
	}

	/**
	 * A template to drop.
	 *
	 * @param template its registry row
	 * @param reason why it goes, for the log
	 */
	record Expired(Entry template, String reason) {

	}

}
