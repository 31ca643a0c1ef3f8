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
 * so does any template a live process has clones of.
 */
final class TemplateRetention {

	static final int KEEP = 3;

	private static final Log logger = LogFactory.getLog(TemplateRetention.class);

	private TemplateRetention() {
	}

	static void prune(Connection connection, SchemaRegistry registry) throws SQLException {
		List<Entry> entries = registry.findAll(connection);
		OwnerStatus owners = new OwnerStatus(connection, registry.prefix());
		Set<String> inUse = new HashSet<>();
		for (Entry entry : entries) {
			if (SchemaRegistry.CLONE.equals(entry.state()) && entry.template() != null
					&& !owners.isDead(entry.owner())) {
				inUse.add(entry.template());
			}
		}
		List<Entry> templates = entries.stream()
			.filter((entry) -> SchemaRegistry.READY.equals(entry.state()) || SchemaRegistry.FAILED.equals(entry.state()))
			.sorted(Comparator.comparing(Entry::updatedAt).reversed())
			.toList();
		for (Entry template : templates.subList(Math.min(KEEP, templates.size()), templates.size())) {
			if (!inUse.contains(template.name())) {
				registry.drop(connection, template.name());
				logger.info("Dropped template '%s' of an older migration set".formatted(template.name()));
			}
		}
	}

}
