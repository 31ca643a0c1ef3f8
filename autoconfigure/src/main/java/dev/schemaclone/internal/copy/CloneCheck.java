package dev.schemaclone.internal.copy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.copy.TemplateDefinition.Column;
import dev.schemaclone.internal.copy.TemplateDefinition.Kind;
import dev.schemaclone.internal.copy.TemplateDefinition.Table;
import dev.schemaclone.internal.server.ProcessList;

/**
 * All that checking a clone against its template takes, small enough to keep in the
 * registry with the template: the shape of its tables (no {@code SHOW CREATE} text), the
 * catalog facts its server has, and its {@link PristineState pristine state}. A check is
 * one {@link StateQuery}, compared exactly as a reset compares, so that a process claims
 * a warm clone without reading the template's catalog.
 */
public final class CloneCheck {

	/**
	 * What {@link #toBytes()} writes first; another value is not read. Changed whenever
	 * the {@link StateQuery}'s digests or the columns they filter by change, so that a
	 * check kept before is read again from its template rather than fail every warm
	 * clone, or keep a slower query.
	 */
	private static final int FORMAT = 4;

	/**
	 * {@code ER_SPECIFIC_ACCESS_DENIED_ERROR}: {@code INNODB_TRX} needs the PROCESS
	 * privilege.
	 */
	private static final int NEEDS_PRIVILEGE = 1227;

	/** {@code ER_NO_SUCH_TABLE} and {@code ER_BAD_FIELD_ERROR}: an object is gone. */
	private static final Set<Integer> OBJECT_GONE = Set.of(1146, 1054);

	private final CatalogDigest catalog;

	private final List<Table> tables;

	private final SchemaState state;

	private CloneCheck(CatalogDigest catalog, List<Table> tables, SchemaState state) {
		this.catalog = catalog;
		this.tables = tables;
		this.state = state;
	}

	/**
	 * Return the check of a template's clones.
	 * @param definition the template's definition
	 * @param pristine the template's state, read after the template was made ready
	 * @return the check
	 */
	public static CloneCheck of(TemplateDefinition definition, PristineState pristine) {
		List<Table> shapes = definition.tables()
			.stream()
			.map((table) -> new Table(table.name(), "", table.kind(), table.hasRows(), table.writableColumns()))
			.toList();
		return new CloneCheck(pristine.catalog(), shapes, pristine.state());
	}

	/**
	 * Return whether a clone holds exactly its template's state, changing nothing: no
	 * object, row or counter differs, and no session holds a transaction on it. A table
	 * or column the check reads that is gone makes it not pristine.
	 * @param connection a connection to the server, which the check prepares to read
	 * current statistics
	 * @param clone the clone
	 * @return whether the clone is pristine
	 */
	public boolean isPristine(Connection connection, String clone) throws SQLException {
		PristineState.prepareToRead(connection);
		if (transactionOpenOn(connection, clone)) {
			return false;
		}
		try {
			return new StateQuery(this.catalog, this.tables, clone).read(connection)
				.isSourceState(this.state, this.tables);
		}
		catch (SQLException ex) {
			if (OBJECT_GONE.contains(ex.getErrorCode())) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * Return whether another session has a transaction open on a schema; without the
	 * PROCESS privilege none can be seen, and the state alone decides.
	 */
	private static boolean transactionOpenOn(Connection connection, String schema) throws SQLException {
		try {
			return !ProcessList.on(connection).sessionsInTransaction(schema).isEmpty();
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() != NEEDS_PRIVILEGE) {
				throw ex;
			}
			return false;
		}
	}

	/**
	 * Return the check as bytes to keep in the registry.
	 * @return the bytes, read back by {@link #fromBytes(byte[])}
	 */
	public byte[] toBytes() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(FORMAT);
			out.writeInt(this.catalog.columns().size());
			for (Map.Entry<String, List<String>> view : this.catalog.columns().entrySet()) {
				out.writeUTF(view.getKey());
				writeStrings(out, view.getValue());
			}
			out.writeInt(this.tables.size());
			for (Table table : this.tables) {
				out.writeUTF(table.name());
				out.writeUTF(table.kind().name());
				out.writeBoolean(table.hasRows());
				out.writeInt(table.writableColumns().size());
				for (Column column : table.writableColumns()) {
					out.writeUTF(column.name());
					out.writeUTF(column.dataType());
				}
			}
			out.writeUTF(this.state.catalog());
			out.writeInt(this.state.counters().size());
			for (Map.Entry<String, Long> counter : this.state.counters().entrySet()) {
				out.writeUTF(counter.getKey());
				out.writeLong(counter.getValue());
			}
			out.writeInt(this.state.rows().size());
			for (Map.Entry<String, String> rows : this.state.rows().entrySet()) {
				out.writeUTF(rows.getKey());
				out.writeUTF(rows.getValue());
			}
			writeStrings(out, List.copyOf(this.state.filled()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write a clone check into memory", ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Read a check kept by {@link #toBytes()}.
	 * @param bytes the bytes
	 * @return the check, or {@code null} if the bytes are of another format or cut short
	 */
	public static @Nullable CloneCheck fromBytes(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			if (in.readInt() != FORMAT) {
				return null;
			}
			Map<String, List<String>> columns = new LinkedHashMap<>();
			for (int i = in.readInt(); i > 0; i--) {
				columns.put(in.readUTF(), readStrings(in));
			}
			List<Table> tables = new ArrayList<>();
			for (int i = in.readInt(); i > 0; i--) {
				String name = in.readUTF();
				Kind kind = Kind.valueOf(in.readUTF());
				boolean hasRows = in.readBoolean();
				List<Column> writable = new ArrayList<>();
				for (int j = in.readInt(); j > 0; j--) {
					writable.add(new Column(in.readUTF(), in.readUTF()));
				}
				tables.add(new Table(name, "", kind, hasRows, List.copyOf(writable)));
			}
			String catalog = in.readUTF();
			Map<String, Long> counters = new LinkedHashMap<>();
			for (int i = in.readInt(); i > 0; i--) {
				counters.put(in.readUTF(), in.readLong());
			}
			Map<String, String> rows = new LinkedHashMap<>();
			for (int i = in.readInt(); i > 0; i--) {
				rows.put(in.readUTF(), in.readUTF());
			}
			Set<String> filled = new HashSet<>(readStrings(in));
			return new CloneCheck(new CatalogDigest(columns), List.copyOf(tables),
					new SchemaState(catalog, counters, rows, filled));
		}
		catch (IOException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
		out.writeInt(strings.size());
		for (String string : strings) {
			out.writeUTF(string);
		}
	}

	private static List<String> readStrings(DataInputStream in) throws IOException {
		List<String> strings = new ArrayList<>();
		for (int i = in.readInt(); i > 0; i--) {
			strings.add(in.readUTF());
		}
		return List.copyOf(strings);
	}

}
