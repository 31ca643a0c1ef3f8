package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.schemaclone.internal.copy.TemplateDefinition.Table;
import dev.schemaclone.internal.copy.TemplateDefinition.Trigger;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.Identifiers;
import dev.schemaclone.internal.server.ProcessList;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * Brings one clone back to its template's state after tests changed it, by DML on what they
 * changed: the rows of the tables whose content differs from the template's (deleted, and
 * copied again from the template where it has rows) and the {@code AUTO_INCREMENT} counters
 * that moved. Neither {@code TABLE_ROWS} (an estimate) nor MySQL's cached statistics can tell
 * what changed, so a table the template leaves empty is probed for a row, one that has rows
 * is compared by {@code CHECKSUM TABLE}, and counters are read with live statistics. A clone
 * whose objects changed (a column, index, table, view, routine, trigger or event created,
 * changed or dropped) is made again from the template instead; so is one that a transaction
 * left open by a test still holds, once that transaction is ended.
 *
 * Holds a connection of its own, so that a reset costs no connection set-up.
 */
public final class CloneReset implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(CloneReset.class);

	/** How long a statement of the reset waits for a lock a test left held. */
	public static final Duration LOCK_WAIT = Duration.ofSeconds(5);

	/** {@code ER_LOCK_WAIT_TIMEOUT}, for row locks and metadata locks, on MySQL and MariaDB. */
	private static final int LOCK_WAIT_TIMEOUT = 1205;

	/** {@code ER_NO_SUCH_TABLE}, on MySQL and MariaDB. */
	private static final int NO_SUCH_TABLE = 1146;

	/** {@code ER_SPECIFIC_ACCESS_DENIED_ERROR}: {@code INNODB_TRX} needs the PROCESS privilege. */
	private static final int NEEDS_PRIVILEGE = 1227;

	private final DatabaseServer server;

	private final TemplateDefinition definition;

	private final PristineState pristine;

	private final String clone;

	private final int cloneConnections;

	private Connection connection;

	/** Further sessions, opened when counters of several tables must be set back. */
	private final List<Connection> helpers = new ArrayList<>();

	private ProcessList sessions;

	private boolean transactionsVisible = true;

	private final String stateQuery;

	public CloneReset(DatabaseServer server, TemplateDefinition definition, PristineState pristine, String clone,
			int cloneConnections) {
		this.server = server;
		this.definition = definition;
		this.pristine = pristine;
		this.clone = clone;
		this.cloneConnections = cloneConnections;
		this.stateQuery = stateQuery(definition, clone);
	}

	/**
	 * Bring the clone back to its template's state.
	 * @param test the test that ran last, named in warnings
	 * @return what the reset had to do
	 */
	public synchronized Outcome reset(String test) {
		try {
			Connection connection = connection();
			List<Long> open = transactionsLeftOpen();
			if (!open.isEmpty()) {
				return replaceHeldClone(test, open);
			}
			try {
				return resetRowsOrReplace(connection, test);
			}
			catch (SQLException ex) {
				if (ex.getErrorCode() != LOCK_WAIT_TIMEOUT) {
					throw ex;
				}
				return replaceHeldClone(test, this.sessions.sessionsUsing(this.clone));
			}
		}
		catch (SQLException ex) {
			closeConnection();
			throw new SchemaCloneException("Cannot reset schema '%s' to its template '%s' after %s: %s".formatted(this.clone,
					this.definition.template(), test, ex.getMessage()), ex);
		}
	}

	/**
	 * Return whether the clone holds exactly its template's state, changing nothing: no object,
	 * row or counter differs, and no session holds a transaction on it.
	 * @return whether the clone is pristine
	 */
	public synchronized boolean isPristine() {
		try {
			Connection connection = connection();
			if (!transactionsLeftOpen().isEmpty()) {
				return false;
			}
			return difference(connection).isNone();
		}
		catch (SQLException ex) {
			closeConnection();
			throw new SchemaCloneException("Cannot compare schema '%s' with its template '%s': %s".formatted(this.clone,
					this.definition.template(), ex.getMessage()), ex);
		}
	}

	private Outcome resetRowsOrReplace(Connection connection, String test) throws SQLException {
		Difference difference = difference(connection);
		if (difference.objectsChanged()) {
			logger.info("%s changed the objects of schema '%s': making it again from template '%s'".formatted(test,
					this.clone, this.definition.template()));
			replace(connection);
			return Outcome.REPLACED;
		}
		List<Table> dirty = difference.changedTables();
		List<String> movedCounters = difference.countersMoved() ? movedCounters(connection) : List.of();
		if (dirty.isEmpty() && movedCounters.isEmpty()) {
			return Outcome.CLEAN;
		}
		restoreRows(connection, dirty);
		setCounters(connection, movedCounters);
		logger.debug("Reset schema '%s' after %s: rows of %d tables, %d counters".formatted(this.clone, test,
				dirty.size(), movedCounters.size()));
		return Outcome.ROWS;
	}

	/**
	 * Compare the clone with its template: the state query, and {@code CHECKSUM TABLE} of the
	 * tables the template fills. A table the query probes that was dropped counts as changed
	 * objects.
	 */
	private Difference difference(Connection connection) throws SQLException {
		String[] state;
		try {
			state = TemplateDefinition.rows(connection, this.stateQuery, 1, 2, 3).get(0);
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() != NO_SUCH_TABLE) {
				throw ex;
			}
			return new Difference(true, List.of(), false);
		}
		if (!state[0].equals(this.pristine.catalog())) {
			return new Difference(true, List.of(), false);
		}
		return new Difference(false, changedTables(connection, state[2]),
				!state[1].equals(this.pristine.counterDigest()));
	}

	/**
	 * Return the one query that tells what may have changed: the digest of the clone's
	 * objects, the digest of its counters, and which of the tables the template leaves empty
	 * hold a row.
	 */
	private static String stateQuery(TemplateDefinition definition, String clone) {
		StringJoiner filled = new StringJoiner(", ", "CONCAT_WS(',', ", ")").setEmptyValue("''");
		List<Table> tables = definition.tables();
		for (int i = 0; i < tables.size(); i++) {
			if (!tables.get(i).hasRows()) {
				filled.add("IF(EXISTS(SELECT 1 FROM " + Identifiers.quote(clone) + "."
						+ Identifiers.quoteExisting(tables.get(i).name()) + "), '" + i + "', NULL)");
			}
		}
		return "SELECT " + CatalogDigest.expression(clone) + ", " + PristineState.counterDigest(clone) + ", " + filled;
	}

	/**
	 * Set moved counters back, over several sessions when there are several: each
	 * {@code ALTER TABLE} mostly waits for the server's files, and the waits overlap.
	 */
	private void setCounters(Connection connection, List<String> alters) throws SQLException {
		int parallel = Math.min(alters.size(), this.cloneConnections);
		if (parallel <= 1) {
			SchemaCloner.executeAll(connection, alters);
			return;
		}
		while (this.helpers.size() < parallel - 1) {
			this.helpers.add(this.server.open(this.clone));
		}
		List<Connection> sessions = new ArrayList<>();
		sessions.add(connection);
		sessions.addAll(this.helpers.subList(0, parallel - 1));
		SchemaCloner.onEach(sessions, SchemaCloner.split(alters, parallel), SchemaCloner::executeAll);
	}

	private List<String> movedCounters(Connection connection) throws SQLException {
		Map<String, Long> counters = PristineState.counters(connection, this.clone);
		List<String> moved = new ArrayList<>();
		this.pristine.counters().forEach((table, next) -> {
			if (!Objects.equals(counters.get(table), next)) {
				moved.add("ALTER TABLE " + Identifiers.quote(this.clone) + "." + Identifiers.quoteExisting(table)
						+ " AUTO_INCREMENT = " + next);
			}
		});
		return moved;
	}

	/**
	 * Delete the rows of the changed tables and copy the template's again, in one transaction.
	 * Their triggers are dropped for it and created again after: the server cannot turn them
	 * off, and a trigger firing on the restored rows would change them or write elsewhere.
	 */
	private void restoreRows(Connection connection, List<Table> dirty) throws SQLException {
		Set<String> names = dirty.stream().map(Table::name).collect(Collectors.toSet());
		List<Trigger> triggers = this.definition.triggers().stream().filter((trigger) -> names.contains(trigger.table())).toList();
		List<String> rows = new ArrayList<>();
		for (Table table : dirty) {
			rows.add("DELETE FROM " + Identifiers.quote(this.clone) + "." + Identifiers.quoteExisting(table.name()));
			if (table.hasRows()) {
				rows.add(SchemaCloner.rowCopy(this.definition, this.clone, table));
			}
		}
		SchemaCloner.executeAll(connection, triggers.stream()
			.map((trigger) -> "DROP TRIGGER " + Identifiers.quote(this.clone) + "." + Identifiers.quoteExisting(trigger.object().name()))
			.toList());
		try {
			connection.setAutoCommit(false);
			SchemaCloner.executeAll(connection, rows);
			connection.commit();
		}
		catch (SQLException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
			SchemaCloner.createTriggers(connection, this.definition, this.clone, triggers);
		}
	}

	/**
	 * Return the tables whose rows differ from the template's: those the template leaves
	 * empty that the state query found a row in, and those it fills whose
	 * {@code CHECKSUM TABLE} differs.
	 */
	private List<Table> changedTables(Connection connection, String filledEmptyTables) throws SQLException {
		List<Table> filled = this.definition.tables().stream().filter(Table::hasRows).toList();
		List<Table> changed = new ArrayList<>();
		if (!filledEmptyTables.isEmpty()) {
			for (String index : filledEmptyTables.split(",")) {
				changed.add(this.definition.tables().get(Integer.parseInt(index)));
			}
		}
		Map<String, String> checksums = PristineState.checksums(connection, this.clone, filled);
		for (Table table : filled) {
			if (!Objects.equals(checksums.get(table.name()), this.pristine.checksums().get(table.name()))) {
				changed.add(table);
			}
		}
		return changed;
	}

	/**
	 * Return the sessions on the clone that a test left inside a transaction: the tests of a
	 * refreshing context run one at a time and Spring has rolled back the test's own
	 * transaction, so any still open is a leak that holds locks the next test would wait on.
	 */
	private List<Long> transactionsLeftOpen() throws SQLException {
		if (!this.transactionsVisible) {
			return List.of();
		}
		try {
			return this.sessions.sessionsInTransaction(this.clone);
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() != NEEDS_PRIVILEGE) {
				throw ex;
			}
			logger.debug("Transactions left open on '%s' cannot be seen without the PROCESS privilege; resets wait %s for their locks instead"
				.formatted(this.clone, LOCK_WAIT));
			this.transactionsVisible = false;
			return List.of();
		}
	}

	private Outcome replaceHeldClone(String test, List<Long> holders) throws SQLException {
		List<Long> ended = this.sessions.end(holders);
		logger.warn("%s left a transaction open on schema '%s' (connection ids %s): ended, and the schema made again from template '%s'. Close the connections your tests open, or let Spring manage their transactions"
			.formatted(test, this.clone, ended, this.definition.template()));
		replace(connection());
		return Outcome.REPLACED;
	}

	private void replace(Connection connection) throws SQLException {
		SchemaCloner.recreateEmpty(connection, this.definition, this.clone);
		// The drop left this session without a default schema; trigger DDL needs one.
		connection.setCatalog(this.clone);
		SchemaCloner.copy(this.server, this.definition, this.clone, this.cloneConnections);
	}

	private Connection connection() throws SQLException {
		if (this.connection == null) {
			Connection opened = this.server.open(this.clone);
			try (Statement statement = opened.createStatement()) {
				long seconds = LOCK_WAIT.toSeconds();
				statement.execute("SET SESSION foreign_key_checks = 0, innodb_lock_wait_timeout = " + seconds
						+ ", lock_wait_timeout = " + seconds + ", sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO')");
				PristineState.useLiveStatistics(opened);
				this.sessions = ProcessList.on(opened);
			}
			catch (SQLException ex) {
				opened.close();
				throw ex;
			}
			this.connection = opened;
		}
		return this.connection;
	}

	private void closeConnection() {
		List<Connection> sessions = new ArrayList<>(this.helpers);
		if (this.connection != null) {
			sessions.add(this.connection);
		}
		for (Connection session : sessions) {
			try {
				session.close();
			}
			catch (SQLException ex) {
				// Closing is all that was left to do with it.
			}
		}
		this.helpers.clear();
		this.connection = null;
	}

	@Override
	public synchronized void close() {
		closeConnection();
	}

	/**
	 * How a clone differs from its template.
	 *
	 * @param objectsChanged whether an object was created, changed or dropped
	 * @param changedTables the tables whose rows differ, when no object changed
	 * @param countersMoved whether an {@code AUTO_INCREMENT} counter moved, when no object changed
	 */
	private record Difference(boolean objectsChanged, List<Table> changedTables, boolean countersMoved) {

		boolean isNone() {
			return !this.objectsChanged && this.changedTables.isEmpty() && !this.countersMoved;
		}

	}

	/**
	 * What a reset had to do.
	 */
	public enum Outcome {

		/** Nothing: the tests left the clone as they found it. */
		CLEAN,

		/** Rows and counters of the tables the tests changed. */
		ROWS,

		/** The clone was made again: its objects changed, or a transaction held it. */
		REPLACED

	}

}
