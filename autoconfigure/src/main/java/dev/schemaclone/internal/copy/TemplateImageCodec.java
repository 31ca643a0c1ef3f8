package dev.schemaclone.internal.copy;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.copy.TemplateDefinition.Column;
import dev.schemaclone.internal.copy.TemplateDefinition.Event;
import dev.schemaclone.internal.copy.TemplateDefinition.Kind;
import dev.schemaclone.internal.copy.TemplateDefinition.SqlObject;
import dev.schemaclone.internal.copy.TemplateDefinition.Table;
import dev.schemaclone.internal.copy.TemplateDefinition.Trigger;

/**
 * Writes a {@link TemplateImage} as bytes and reads it back: each string as its length
 * and UTF-8 bytes (-1 for {@code null}), each list as its size and its items, in the
 * order of the records' components. Whatever checks the bytes (a checksum, a complete
 * stream) is the caller's.
 */
public final class TemplateImageCodec {

	/** Bounds a length read from a damaged file before anything is allocated for it. */
	private static final int MAX_LENGTH = 1 << 30;

	private TemplateImageCodec() {
	}

	public static void write(TemplateImage image, DataOutput out) throws IOException {
		TemplateDefinition definition = image.definition();
		string(out, definition.template());
		string(out, definition.charset());
		string(out, definition.collation());
		out.writeInt(definition.tables().size());
		for (Table table : definition.tables()) {
			string(out, table.name());
			string(out, table.ddl());
			string(out, table.kind().name());
			out.writeBoolean(table.hasRows());
			out.writeInt(table.writableColumns().size());
			for (Column column : table.writableColumns()) {
				string(out, column.name());
				string(out, column.dataType());
			}
			List<String> rows = image.rows().getOrDefault(table.name(), List.of());
			out.writeInt(rows.size());
			for (String row : rows) {
				string(out, row);
			}
		}
		objects(out, definition.views());
		objects(out, definition.routines());
		out.writeInt(definition.triggers().size());
		for (Trigger trigger : definition.triggers()) {
			string(out, trigger.table());
			object(out, trigger.object());
		}
		out.writeInt(definition.events().size());
		for (Event event : definition.events()) {
			string(out, event.timeZone());
			object(out, event.object());
		}
		SchemaState state = image.state();
		string(out, state.catalog());
		out.writeInt(state.counters().size());
		for (Map.Entry<String, Long> counter : state.counters().entrySet()) {
			string(out, counter.getKey());
			out.writeLong(counter.getValue());
		}
		out.writeInt(state.rows().size());
		for (Map.Entry<String, String> rows : state.rows().entrySet()) {
			string(out, rows.getKey());
			string(out, rows.getValue());
		}
		out.writeInt(state.filled().size());
		for (String table : state.filled()) {
			string(out, table);
		}
	}

	public static TemplateImage read(DataInput in) throws IOException {
		String template = string(in);
		String charset = string(in);
		String collation = string(in);
		List<Table> tables = new ArrayList<>();
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (int i = length(in); i > 0; i--) {
			String name = string(in);
			String ddl = string(in);
			Kind kind = Kind.valueOf(string(in));
			boolean hasRows = in.readBoolean();
			List<Column> columns = new ArrayList<>();
			for (int c = length(in); c > 0; c--) {
				columns.add(new Column(string(in), string(in)));
			}
			tables.add(new Table(name, ddl, kind, hasRows, List.copyOf(columns)));
			List<String> tableRows = new ArrayList<>();
			for (int r = length(in); r > 0; r--) {
				tableRows.add(string(in));
			}
			if (!tableRows.isEmpty()) {
				rows.put(name, List.copyOf(tableRows));
			}
		}
		List<SqlObject> views = objects(in);
		List<SqlObject> routines = objects(in);
		List<Trigger> triggers = new ArrayList<>();
		for (int i = length(in); i > 0; i--) {
			triggers.add(new Trigger(string(in), object(in)));
		}
		List<Event> events = new ArrayList<>();
		for (int i = length(in); i > 0; i--) {
			events.add(new Event(string(in), object(in)));
		}
		TemplateDefinition definition = new TemplateDefinition(template, charset, collation, List.copyOf(tables),
				List.copyOf(views), List.copyOf(routines), List.copyOf(triggers), List.copyOf(events));
		String catalog = nullableString(in);
		Map<String, Long> counters = new HashMap<>();
		for (int i = length(in); i > 0; i--) {
			counters.put(string(in), in.readLong());
		}
		Map<String, String> rowDigests = new HashMap<>();
		for (int i = length(in); i > 0; i--) {
			rowDigests.put(string(in), string(in));
		}
		Set<String> filled = new HashSet<>();
		for (int i = length(in); i > 0; i--) {
			filled.add(string(in));
		}
		return new TemplateImage(definition, rows, new SchemaState(catalog, counters, rowDigests, filled));
	}

	private static void objects(DataOutput out, List<SqlObject> objects) throws IOException {
		out.writeInt(objects.size());
		for (SqlObject object : objects) {
			object(out, object);
		}
	}

	private static List<SqlObject> objects(DataInput in) throws IOException {
		List<SqlObject> objects = new ArrayList<>();
		for (int i = length(in); i > 0; i--) {
			objects.add(object(in));
		}
		return objects;
	}

	private static void object(DataOutput out, SqlObject object) throws IOException {
		string(out, object.name());
		string(out, object.ddl());
		string(out, object.sqlMode());
	}

	private static SqlObject object(DataInput in) throws IOException {
		return new SqlObject(string(in), string(in), nullableString(in));
	}

	private static void string(DataOutput out, @Nullable String value) throws IOException {
		if (value == null) {
			out.writeInt(-1);
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static String string(DataInput in) throws IOException {
		String value = nullableString(in);
		if (value == null) {
			throw new IOException("no value where the format has one");
		}
		return value;
	}

	private static @Nullable String nullableString(DataInput in) throws IOException {
		int length = in.readInt();
		if (length == -1) {
			return null;
		}
		byte[] bytes = new byte[checked(length)];
		in.readFully(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static int length(DataInput in) throws IOException {
		return checked(in.readInt());
	}

	private static int checked(int length) throws IOException {
		if (length < 0 || length > MAX_LENGTH) {
			throw new IOException("a length of " + length + " where the format has none");
		}
		return length;
	}

}
