package dev.schemaclone.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.schemaclone.engine.SchemaRegistry.Entry;

/**
 * Drops templates of migration sets that are no longer current: per prefix, the newest
 * {@value #KEEP} built templates stay (switching branches back and forth reuses them), and
 * so does any template a live process has clones of or is cloning.
 */
final class TemplateRetention {

	static final int KEEP = 3;

	private static final Log logger = LogFactory.getLog(TemplateRetention.class);

	private TemplateRetention() {
	}

	static void prune(Connection connection, SchemaRegistry registry) throws SQLException {
		List<Entry> entries = registry.findAll(connection);
		OwnerStatus owners = new OwnerStatus(connection, registry.prefix());
		Set<String> inUse = templatesInUse(entries, owners);
		List<Entry> templates = entries.stream()
			.filter((entry) -> SchemaRegistry.READY.equals(entry.state()) || SchemaRegistry.FAILED.equals(entry.state()))
			.sorted(Comparator.comparing(Entry::updatedAt).reversed())
			.toList();
		for (Entry template : templates.subList(Math.min(KEEP, templates.size()), templates.size())) {
			if (!inUse.contains(template.name())) {
				retire(connection, registry, owners, template);
			}
		}
	}

	/**
	 * Drop one template unless a process has begun cloning it since the registry was read.
	 * The template is marked first and the clones are looked at after; a cloner records its
	 * clone first and looks at the mark after (see {@link SchemaWorkspace}): whichever comes
	 * second sees what the other wrote. Under the template's build lock, so that a process
	 * about to rebuild it waits, and one that finds the mark of a retention that died clears it.
	 */
	private static void retire(Connection connection, SchemaRegistry registry, OwnerStatus owners, Entry template)
			throws SQLException {
		try (NamedLock lock = NamedLock.tryAcquire(connection, registry.buildLockName(template.name()))) {
			if (lock == null
					|| !registry.changeState(connection, template.name(), template.state(), SchemaRegistry.RETIRING)) {
				return;
			}
			if (templatesInUse(registry.findAll(connection), owners).contains(template.name())) {
				registry.changeState(connection, template.name(), SchemaRegistry.RETIRING, template.state());
				return;
			}
			registry.drop(connection, template.name());
			logger.info("Dropped template '%s' of an older migration set".formatted(template.name()));
		}
	}

	private static Set<String> templatesInUse(List<Entry> entries, OwnerStatus owners) throws SQLException {
		Set<String> inUse = new HashSet<>();
		for (Entry entry : entries) {
			if (SchemaRegistry.CLONE.equals(entry.state()) && entry.template() != null && !owners.isDead(entry.owner())) {
				inUse.add(entry.template());
			}
		}
		return inUse;
	}

}
