package dev.schemaclone.internal.coordination;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.server.Identifiers;
import dev.schemaclone.internal.server.SchemaCloneException;
import dev.schemaclone.internal.server.SchemaDrop;

/**
 * The record, kept in the server, of every schema schemaclone created: the proof of
 * ownership that any {@code DROP} needs, besides the name pattern, and the ready marker
 * of templates.
 */
public final class SchemaRegistry {

	/** States of a template; clones are always {@link #CLONE}. */
	public static final String BUILDING = "BUILDING";

	public static final String READY = "READY";

	public static final String FAILED = "FAILED";

	public static final String CLONE = "CLONE";

	/**
	 * A template that template retention is about to drop, unless a process is cloning
	 * it.
	 */
	public static final String RETIRING = "RETIRING";

	/**
	 * A clone reset to its template's state and kept, with no owner, for a later process
	 * to claim; never an orphan.
	 */
	public static final String WARM = "WARM";

	/** A warm clone that template retention is about to drop with its template. */
	public static final String WARM_RETIRING = "WARM_RETIRING";

	/**
	 * A copy of a clone as a failed test left it, kept with no owner for a developer to
	 * look at; never claimed, reset or swept, only dropped to keep their number bounded.
	 */
	public static final String KEPT = "KEPT";

	/**
	 * A schema one process won the right to drop, by a conditional update no other
	 * process can win too: the {@code owner} is the dropper's token. Left by a dropper
	 * that died, it is won again by a sweep.
	 */
	public static final String DROPPING = "DROPPING";

	/**
	 * A schema the server refused to drop for good (a file it does not know in its
	 * directory): passed over by every sweep, trim and retention, and forgotten once
	 * someone dropped it on the server.
	 */
	public static final String UNDROPPABLE = "UNDROPPABLE";

	private static final Log logger = LogFactory.getLog(SchemaRegistry.class);

	/** {@code ER_DUP_FIELDNAME}, the same code in MySQL and MariaDB. */
	private static final int DUPLICATE_COLUMN = 1060;

	/**
	 * The columns added to the registry after its first version, in order, with their
	 * types.
	 */
	private static final Map<String, String> ADDED_COLUMNS = new LinkedHashMap<>();

	static {
		ADDED_COLUMNS.put("template", "VARCHAR(64) NULL");
		ADDED_COLUMNS.put("lineage", "VARCHAR(64) NULL");
		ADDED_COLUMNS.put("last_used_at", "TIMESTAMP(6) NULL");
		ADDED_COLUMNS.put("application", "VARCHAR(64) NULL");
		ADDED_COLUMNS.put("migrations", "INT NULL");
		ADDED_COLUMNS.put("build_millis", "BIGINT NULL");
		ADDED_COLUMNS.put("clone_check", "MEDIUMBLOB NULL");
	}

	/** The table's name in the registry's schema. */
	private static final String TABLE = "owned_schema";

	private static final Pattern ANY_CLONE = Pattern.compile("[a-z][a-z0-9_]*_c_[0-9a-f]{8}_[0-9]+");

	private final String prefix;

	private final String schema;

	private final Pattern ownedName;

	/**
	 * Create a registry for schemas with a given prefix.
	 * @param prefix the validated name prefix
	 */
	public SchemaRegistry(String prefix) {
		this.prefix = Identifiers.requireSafePrefix(prefix, "schema prefix");
		this.schema = prefix + "_registry";
		this.ownedName = Pattern.compile(Pattern.quote(prefix) + "_(tpl_[0-9a-f]{16}|[cf]_[0-9a-f]{8}_[0-9]+)");
	}

	public String prefix() {
		return this.prefix;
	}

	/**
	 * Return the name of the template for a fingerprint.
	 * @param fingerprint the migration set's short fingerprint, 16 hexadecimal digits
	 * @return the template's schema name
	 */
	public String templateName(String fingerprint) {
		return this.prefix + "_tpl_" + fingerprint;
	}

	/**
	 * Return the name of the lock under which a template is built.
	 * @param template the template's schema name
	 * @return the lock's name
	 */
	public String buildLockName(String template) {
		return this.prefix + "_build_" + template.substring((this.prefix + "_tpl_").length());
	}

	/**
	 * Return the name of the lock under which processes add warm clones of a template.
	 * @param template the template's schema name
	 * @return the lock's name
	 */
	public String warmLockName(String template) {
		return this.prefix + "_warm_" + template.substring((this.prefix + "_tpl_").length());
	}

	/**
	 * Return the name of one clone.
	 * @param owner the creating process's lease token
	 * @param sequence a number unique within that process
	 * @return the clone's schema name
	 */
	public String cloneName(String owner, int sequence) {
		return this.prefix + "_c_" + owner + "_" + sequence;
	}

	/**
	 * Return the name of a copy kept of a failed test's clone.
	 * @param owner the creating process's lease token
	 * @param sequence a number unique within that process
	 * @return the copy's schema name
	 */
	public String failedName(String owner, int sequence) {
		return this.prefix + "_f_" + owner + "_" + sequence;
	}

	/**
	 * Return whether a name has the shape of a schema this registry hands out.
	 * @param name a schema name
	 * @return whether it matches the pattern
	 */
	private boolean hasOwnedShape(String name) {
		return this.ownedName.matcher(name).matches();
	}

	/**
	 * Return whether a schema name has the shape of a clone under any prefix.
	 * @param name a schema name
	 * @return whether it looks like a clone
	 */
	public static boolean looksLikeClone(String name) {
		return ANY_CLONE.matcher(name).matches();
	}

	/**
	 * Create the registry, or add what an older schemaclone's lacks. A complete registry,
	 * found in one query, costs no DDL: every process opens with this.
	 */
	public void create(Connection connection) throws SQLException {
		Set<String> columns = columns(connection);
		if (columns.contains(LeaseHeartbeats.TABLE + ".owner")
				&& ADDED_COLUMNS.keySet().stream().allMatch((column) -> columns.contains(TABLE + "." + column))) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS " + Identifiers.quote(this.schema));
			statement
				.execute("CREATE TABLE IF NOT EXISTS " + table() + " (schema_name VARCHAR(64) NOT NULL PRIMARY KEY,"
						+ " state VARCHAR(16) NOT NULL, owner VARCHAR(16) NOT NULL, fingerprint VARCHAR(64) NOT NULL,"
						+ " error TEXT NULL, created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),"
						+ " updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB");
			for (Map.Entry<String, String> column : ADDED_COLUMNS.entrySet()) {
				if (!columns.contains(TABLE + "." + column.getKey())) {
					addColumn(statement, column.getKey(), column.getValue());
				}
			}
			new LeaseHeartbeats(this.prefix).create(statement);
		}
	}

	/**
	 * Return the columns of the registry's tables, as {@code table.column}.
	 */
	private Set<String> columns(Connection connection) throws SQLException {
		Set<String> columns = new HashSet<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?"
					+ " AND TABLE_NAME IN ('" + TABLE + "', '" + LeaseHeartbeats.TABLE + "')")) {
			statement.setString(1, this.schema);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					columns.add((result.getString(1) + "." + result.getString(2)).toLowerCase(Locale.ROOT));
				}
			}
		}
		return columns;
	}

	/**
	 * Add a column to a registry that an older schemaclone created. MySQL has no
	 * {@code ADD COLUMN IF NOT EXISTS} (MariaDB has): the column was looked for first,
	 * and a process that added it at the same moment makes the {@code ALTER} fail
	 * harmlessly.
	 */
	private void addColumn(Statement statement, String column, String definition) throws SQLException {
		try {
			statement.execute("ALTER TABLE " + table() + " ADD COLUMN " + column + " " + definition);
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() != DUPLICATE_COLUMN) {
				throw ex;
			}
		}
	}

	/**
	 * Record a clone as ours before it is created, so that a crash in between leaves a
	 * row with no schema rather than a schema with no owner.
	 */
	public void registerClone(Connection connection, String name, String owner) throws SQLException {
		register(connection, name, CLONE, owner, "", null);
	}

	/**
	 * Record a template as ours, being built, before it is created.
	 * @param fingerprint the full fingerprint of its migration set
	 * @param lineage the lineage of its migration set, which template retention goes by
	 */
	public void registerTemplate(Connection connection, String name, String owner, String fingerprint, String lineage)
			throws SQLException {
		register(connection, name, BUILDING, owner, fingerprint, lineage);
	}

	private void register(Connection connection, String name, String state, String owner, String fingerprint,
			@Nullable String lineage) throws SQLException {
		requireOwnedShape(name);
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table()
				+ " (schema_name, state, owner, fingerprint, lineage, last_used_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP(6))")) {
			statement.setString(1, name);
			statement.setString(2, state);
			statement.setString(3, owner);
			statement.setString(4, fingerprint);
			statement.setString(5, lineage);
			statement.executeUpdate();
		}
	}

	/**
	 * Mark a template ready, with what its build took: later processes report it as what
	 * migrating a schema of their own would have cost.
	 */
	public void markReady(Connection connection, String template, int migrations, long buildMillis)
			throws SQLException {
		update(connection,
				"state = ?, error = NULL, migrations = ?, build_millis = ?, updated_at = CURRENT_TIMESTAMP(6)",
				"schema_name = ?", READY, String.valueOf(migrations), String.valueOf(buildMillis), template);
	}

	/**
	 * Keep with a template what checking its clones takes, so that a process claims a
	 * warm clone without reading the template.
	 * @param check the check's bytes
	 */
	public void storeCloneCheck(Connection connection, String template, byte[] check) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("UPDATE " + table() + " SET clone_check = ? WHERE schema_name = ?")) {
			statement.setBytes(1, check);
			statement.setString(2, template);
			statement.executeUpdate();
		}
	}

	/**
	 * Return what checking a ready template's clones takes, as kept with it.
	 * @return the check's bytes, or {@code null} if the template is not ready or an older
	 * schemaclone built it
	 */
	public byte @Nullable [] cloneCheck(Connection connection, String template) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT clone_check FROM " + table() + " WHERE schema_name = ? AND state = ?")) {
			statement.setString(1, template);
			statement.setString(2, READY);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? result.getBytes(1) : null;
			}
		}
	}

	/**
	 * Record that a template was used just now, which template retention goes by.
	 */
	public void markUsed(Connection connection, String template) throws SQLException {
		update(connection, "last_used_at = CURRENT_TIMESTAMP(6)", "schema_name = ?", template);
	}

	public void updateState(Connection connection, String name, String state, @Nullable String error)
			throws SQLException {
		update(connection, "state = ?, error = ?, updated_at = CURRENT_TIMESTAMP(6)", "schema_name = ?", state, error,
				name);
	}

	/**
	 * Move a schema from one state to another if it is still in the first, leaving its
	 * {@code updated_at} alone: template retention orders templates by it.
	 * @return whether the schema was in the first state
	 */
	public boolean changeState(Connection connection, String name, String from, String to) throws SQLException {
		return update(connection, "state = ?", "schema_name = ? AND state = ?", to, name, from) == 1;
	}

	public void recordTemplate(Connection connection, String clone, String template) throws SQLException {
		update(connection, "template = ?, updated_at = CURRENT_TIMESTAMP(6)", "schema_name = ?", template, clone);
	}

	private int update(Connection connection, String set, String where, @Nullable String... values)
			throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("UPDATE " + table() + " SET " + set + " WHERE " + where)) {
			for (int i = 0; i < values.length; i++) {
				statement.setString(i + 1, values[i]);
			}
			return statement.executeUpdate();
		}
	}

	/**
	 * Keep one of this process's clones, reset, as a warm clone of its template.
	 * @param application what tells the application that used it, for a later first guess
	 * @return whether it was this process's clone
	 */
	public boolean makeWarm(Connection connection, String clone, String owner, String application) throws SQLException {
		return update(connection, "state = ?, owner = '', application = ?, updated_at = CURRENT_TIMESTAMP(6)",
				"schema_name = ? AND state = ? AND owner = ?", WARM, application, clone, CLONE, owner) == 1;
	}

	/**
	 * Hand a copy this process made of a failed test's clone over to the developer: no
	 * owner, so no sweep drops it.
	 */
	public void markKept(Connection connection, String copy, String owner) throws SQLException {
		update(connection, "state = ?, owner = '', updated_at = CURRENT_TIMESTAMP(6)", "schema_name = ? AND owner = ?",
				KEPT, copy, owner);
	}

	/**
	 * Return the kept copies of failed tests' clones, newest first.
	 */
	public List<Entry> findKept(Connection connection) throws SQLException {
		return query(connection, "WHERE state = ? ORDER BY created_at DESC, schema_name DESC", KEPT);
	}

	/**
	 * Return how many warm clones a template has, those a template retention is looking
	 * at included: it puts them back when the template is in use, as it is while a
	 * process keeps a clone of it warm.
	 */
	public int countWarm(Connection connection, String template) throws SQLException {
		return query(connection, "WHERE state IN (?, ?) AND template = ?", WARM, WARM_RETIRING, template).size();
	}

	/**
	 * Claim a warm clone of a template for a process, atomically: of several processes
	 * claiming at once, each gets another one, or none. Each candidate is taken by a
	 * conditional update, which only one process can win; the losers try the next.
	 * @return the claimed clone's row as it was before the claim (its {@code updatedAt}
	 * is when it was kept warm), or {@code null} if there is none to claim
	 */
	public @Nullable Entry claimWarm(Connection connection, String template, String owner) throws SQLException {
		for (Entry candidate : query(connection, "WHERE state = ? AND template = ? ORDER BY updated_at", WARM,
				template)) {
			if (update(connection, "state = ?, owner = ?, updated_at = CURRENT_TIMESTAMP(6)",
					"schema_name = ? AND state = ?", CLONE, owner, candidate.name(), WARM) == 1) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Return the ready template of an application with warm clones that a process used
	 * last: the best guess for a process's first context, before its migrations are read.
	 * @return the template, or {@code null} if the application has no warm clone
	 */
	public @Nullable String lastTemplateWithWarmClones(Connection connection, String application) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT t.schema_name FROM " + table() + " t WHERE t.state = ?" + " AND EXISTS (SELECT 1 FROM "
						+ table() + " w WHERE w.state = ? AND w.template = t.schema_name AND w.application = ?)"
						+ " ORDER BY COALESCE(t.last_used_at, t.updated_at) DESC LIMIT 1")) {
			statement.setString(1, READY);
			statement.setString(2, WARM);
			statement.setString(3, application);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? result.getString(1) : null;
			}
		}
	}

	/**
	 * Return what the registry holds of a schema, or {@code null} if it holds nothing.
	 */
	public @Nullable Entry find(Connection connection, String name) throws SQLException {
		List<Entry> entries = query(connection, "WHERE schema_name = ?", name);
		return entries.isEmpty() ? null : entries.get(0);
	}

	public List<Entry> findAll(Connection connection) throws SQLException {
		return query(connection, "ORDER BY created_at");
	}

	private List<Entry> query(Connection connection, String where, String... arguments) throws SQLException {
		List<Entry> entries = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT schema_name, state, owner, fingerprint, error, updated_at, template, lineage, COALESCE(last_used_at, updated_at),"
						+ " migrations, build_millis FROM " + table() + " " + where)) {
			for (int i = 0; i < arguments.length; i++) {
				statement.setString(i + 1, arguments[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					long buildMillis = result.getLong(11);
					BuildCost cost = result.wasNull() ? null : new BuildCost(result.getInt(10), buildMillis);
					entries.add(new Entry(result.getString(1), result.getString(2), result.getString(3),
							result.getString(4), result.getString(5), result.getTimestamp(6), result.getString(7),
							result.getString(8), result.getTimestamp(9), cost));
				}
			}
		}
		return entries;
	}

	/**
	 * Drop a schema this process holds (its clone, or a template under the template's
	 * lock) and forget it. Refuses any name that lacks our shape or our registry row:
	 * schemaclone never drops what it cannot prove it created.
	 * @param dropper the calling process's token
	 * @return {@link Drop#DROPPED}, or {@link Drop#UNDROPPABLE} if the server refused it
	 * for good
	 * @throws SQLException if the drop failed for now; the schema is left as it was
	 * recorded
	 */
	public Drop drop(Connection connection, String name, String dropper) throws SQLException {
		requireOwnedShape(name);
		Entry entry = find(connection, name);
		if (entry == null) {
			throw new SchemaCloneException(
					"Refusing to drop schema '%s': schemaclone has no record of creating it".formatted(name));
		}
		Drop outcome = (DROPPING.equals(entry.state()) && !dropper.equals(entry.owner())) ? Drop.TAKEN
				: drop(connection, entry, dropper);
		if (outcome == Drop.TAKEN) {
			throw new SchemaCloneException("Schema '%s' is being dropped by another process".formatted(name));
		}
		return outcome;
	}

	/**
	 * Drop a schema and forget it if the registry still records it as read, in one
	 * process only: the schema is won by a conditional update from the state and owner
	 * read to {@link #DROPPING} and this process, which of several processes sweeping or
	 * trimming the same schemas at once only one can win; the others leave it. A refusal
	 * for good marks it {@link #UNDROPPABLE}, passed over from then on, and is logged
	 * once with what to do; any other failure gives the schema back as it was, for a
	 * later attempt.
	 * @param entry the schema's registry row as the caller read it
	 * @param dropper the calling process's token
	 * @return what became of it
	 * @throws SQLException if the drop failed for now
	 */
	public Drop drop(Connection connection, Entry entry, String dropper) throws SQLException {
		String name = entry.name();
		requireOwnedShape(name);
		if (UNDROPPABLE.equals(entry.state())) {
			return Drop.UNDROPPABLE;
		}
		if (update(connection, "state = ?, owner = ?", "schema_name = ? AND state = ? AND owner = ?", DROPPING, dropper,
				name, entry.state(), entry.owner()) != 1) {
			return Drop.TAKEN;
		}
		try {
			SchemaDrop.dropIfExists(connection, name);
		}
		catch (SQLException ex) {
			if (!SchemaDrop.isPermanent(ex)) {
				update(connection, "state = ?, owner = ?", "schema_name = ? AND state = ? AND owner = ?", entry.state(),
						entry.owner(), name, DROPPING, dropper);
				throw ex;
			}
			update(connection, "state = ?, owner = '', error = ?, updated_at = CURRENT_TIMESTAMP(6)",
					"schema_name = ? AND state = ? AND owner = ?", UNDROPPABLE, ex.getMessage(), name, DROPPING,
					dropper);
			logger.warn(("Schema '%s' cannot be dropped: %s. schemaclone passes it over from now on; "
					+ "once that is done on the server, drop it there (DROP DATABASE `%s`) and schemaclone forgets it")
				.formatted(name, ex.getMessage(), name));
			return Drop.UNDROPPABLE;
		}
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM " + table() + " WHERE schema_name = ? AND state = ? AND owner = ?")) {
			statement.setString(1, name);
			statement.setString(2, DROPPING);
			statement.setString(3, dropper);
			statement.executeUpdate();
		}
		return Drop.DROPPED;
	}

	/**
	 * Forget the schemas marked {@link #UNDROPPABLE} that someone dropped on the server
	 * since.
	 * @return how many were forgotten
	 */
	public int forgetDroppedByHand(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + table() + " WHERE state = ?"
				+ " AND NOT EXISTS (SELECT 1 FROM information_schema.SCHEMATA s WHERE s.SCHEMA_NAME = " + table()
				+ ".schema_name)")) {
			statement.setString(1, UNDROPPABLE);
			return statement.executeUpdate();
		}
	}

	/**
	 * Empty a schema we created by dropping it and creating it again, with the character
	 * set and collation given; its registry row stays. Refuses, as {@link #drop} does,
	 * any name that lacks our shape or our registry row.
	 * @param connection the connection to do it on
	 * @param name the schema
	 * @param charset its default character set
	 * @param collation its default collation
	 */
	public void recreateEmpty(Connection connection, String name, String charset, String collation)
			throws SQLException {
		requireOwnedShape(name);
		if (find(connection, name) == null) {
			throw new SchemaCloneException(
					"Refusing to empty schema '%s': schemaclone has no record of creating it".formatted(name));
		}
		SchemaDrop.dropIfExists(connection, name);
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + Identifiers.quote(name) + " CHARACTER SET "
					+ Identifiers.quote(charset) + " COLLATE " + Identifiers.quote(collation));
		}
	}

	private void requireOwnedShape(String name) {
		if (!hasOwnedShape(name)) {
			throw new SchemaCloneException(
					"Refusing to touch schema '%s': its name is not one schemaclone gives (%s_tpl_…, %s_c_… or %s_f_…)"
						.formatted(name, this.prefix, this.prefix, this.prefix));
		}
	}

	private String table() {
		return Identifiers.quote(this.schema) + ".`" + TABLE + "`";
	}

	/**
	 * What became of a schema that a process set out to drop.
	 */
	public enum Drop {

		/** Dropped, and forgotten. */
		DROPPED,

		/**
		 * Left alone: another process changed its record first (won its drop, claimed
		 * it).
		 */
		TAKEN,

		/** Refused by the server for good, and marked so. */
		UNDROPPABLE

	}

	/**
	 * One registry row.
	 *
	 * @param name the schema
	 * @param state the template state, or {@code CLONE}
	 * @param owner the lease token of the process that created it
	 * @param fingerprint the fingerprint of the migration set it holds
	 * @param error why the build failed, for failed templates
	 * @param updatedAt when the state last changed, in server time
	 * @param template for clones, the template they were filled from
	 * @param lineage for templates, the lineage of their migration set; {@code null} for
	 * clones and for templates an older schemaclone built
	 * @param lastUsedAt for templates, when a process last built or cloned them, in
	 * server time
	 * @param buildCost for ready templates, what their build took; {@code null} for
	 * clones and for templates an older schemaclone built
	 */
	public record Entry(String name, String state, String owner, String fingerprint, @Nullable String error,
			Timestamp updatedAt, @Nullable String template, @Nullable String lineage, Timestamp lastUsedAt,
			@Nullable BuildCost buildCost) {

	}

	/**
	 * What building a template took.
	 *
	 * @param migrations how many migrations or change sets ran
	 * @param millis how long the build took
	 */
	public record BuildCost(int migrations, long millis) {

	}

}
