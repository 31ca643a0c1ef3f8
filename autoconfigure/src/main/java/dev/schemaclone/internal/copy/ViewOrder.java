package dev.schemaclone.internal.copy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.schemaclone.internal.copy.TemplateDefinition.SqlObject;

/**
 * Orders views so that each comes after the views it reads: {@code SHOW CREATE VIEW}
 * qualifies every table it names with the schema, so a view reads another when its text
 * names that view qualified with the template's schema.
 */
final class ViewOrder {

	private ViewOrder() {
	}

	static List<SqlObject> sort(List<SqlObject> views, String template) {
		Map<String, SqlObject> byName = new LinkedHashMap<>();
		views.forEach((view) -> byName.put(view.name(), view));
		Set<String> ordered = new LinkedHashSet<>();
		Set<String> visiting = new LinkedHashSet<>();
		for (SqlObject view : views) {
			visit(view, byName, template, ordered, visiting);
		}
		List<SqlObject> result = new ArrayList<>();
		ordered.forEach((name) -> result.add(byName.get(name)));
		return List.copyOf(result);
	}

	private static void visit(SqlObject view, Map<String, SqlObject> byName, String template, Set<String> ordered,
			Set<String> visiting) {
		if (ordered.contains(view.name()) || !visiting.add(view.name())) {
			return;
		}
		for (SqlObject other : byName.values()) {
			if (other != view && reads(view, other, template)) {
				visit(other, byName, template, ordered, visiting);
			}
		}
		visiting.remove(view.name());
		ordered.add(view.name());
	}

	private static boolean reads(SqlObject view, SqlObject other, String template) {
		return view.ddl().contains("`" + template + "`.`" + other.name().replace("`", "``") + "`");
	}

}
