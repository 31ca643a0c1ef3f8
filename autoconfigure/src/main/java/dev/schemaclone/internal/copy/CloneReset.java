package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.schemaclone.internal.copy.TemplateDefinition.Kind;
import dev.schemaclone.internal.copy.TemplateDefinition.Table;
import dev.schemaclone.internal.copy.TemplateDefinition.Trigger;
import dev.schemaclone.internal.server.DatabaseServer;
import dev.schemaclone.internal.server.Identifiers;
import dev.schemaclone.internal.server.ProcessList;
import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * Brings one clone back to its source's state after tests changed it (the source is its
 * template, or a copy of the state its context started with), by DML on what they
 * changed: the rows of the tables whose content differs from the source's (deleted, and
 * copied again from the source where it has rows; a sequence's one row, its next value,
 * replaced) and the {@code AUTO_INCREMENT} counters that moved. What changed is read in
 * one {@link StateQuery} and compared exactly with the source's. A clone whose objects
 * changed (a column, index, table, view, routine, trigger or event created, changed or
 * dropped) is made again from the source instead; so is one that a transaction left open
 * by a test still holds, once that transaction is ended, and one whose reset failed for
 * any other reason: a reset either leaves the clone equal to its source or throws.
 *
 * Holds a connection of its own, so that a reset costs no connection set-up.
 */
public final class CloneReset implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(CloneReset.class);

	/** How long a statement of the reset waits for a lock a test left held. */
	public static final Duration LOCK_WAIT = Duration.ofSeconds(5);

	/**
	 * {@code ER_LOCK_WAIT_TIMEOUT}, for row locks and metadata locks, on MySQL and
	 * MariaDB.
	 */
	private static final int LOCK_WAIT_TIMEOUT = 1205;

	/** {@code ER_NO_SUCH_TABLE}, on MySQL and MariaDB. */
	private static final int NO_SUCH_TABLE = 1146;

	/**
	 * {@code ER_BAD_FIELD_ERROR}: a column the state query reads was dropped or renamed.
	 */
	private static final int NO_SUCH_COLUMN = 1054;

	/**
	 * A restore that the server chose as a deadlock's victim is run again, whole, this
	 * often.
	 */
	private static final int RESTORE_ATTEMPTS = 3;

	/**
	 * {@code ER_SPECIFIC_ACCESS_DENIED_ERROR}: {@code INNODB_TRX} needs the PROCESS
	 * privilege.
	 */
	private static final int NEEDS_PRIVILEGE = 1227;

	private final DatabaseServer server;

	private final TemplateDefinition definition;

	private final PristineState pristine;

	private final Recreation recreation;

	private final String clone;

	private final int cloneConnections;

	private @Nullable Connection connection;

	/** Further sessions, opened when counters of several tables must be set back. */
	private final List<Connection> helpers = new ArrayList<>();

	private @Nullable ProcessList sessions;

	private boolean transactionsVisible = true;

	private final StateQuery stateQuery;

	/**
	 * @param server the server
	 * @param definition the source's objects
	 * @param pristine the source's state
	 * @param recreation how to empty the clone, once its owner is proven, to make it
	 * again
	 * @param clone the clone
	 * @param cloneConnections how many sessions a reset may spread its work over
	 */
	public CloneReset(DatabaseServer server, TemplateDefinition definition, PristineState pristine,
			Recreation recreation, String clone, int cloneConnections) {
		this.server = server;
		this.definition = definition;
		this.pristine = pristine;
		this.recreation = recreation;
		this.clone = clone;
		this.cloneConnections = cloneConnections;
		this.stateQuery = new StateQuery(pristine.catalog(), definition.tables(), clone);
	}

	/**
	 * Bring the clone back to its source's state, making it again from the source when
	 * that is what it takes or when the reset fails.
	 * @param test the test that ran last, named in warnings
	 * @return what the reset had to do
	 * @throws SchemaCloneException if the clone could be neither reset nor made again: it
	 * is then in no known state
	 */
	public synchronized Outcome reset(String test) {
		try {
			return resetOrReplace(test);
		}
		catch (SQLException | RuntimeException ex) {
			closeConnection();
			logger.warn("Could not reset schema '%s' after %s (%s): making it again from '%s'".formatted(this.clone,
					test, ex.getMessage(), this.definition.template()));
			try {
				replace(connection());
				return Outcome.REPLACED;
			}
			catch (SQLException | RuntimeException again) {
				closeConnection();
				again.addSuppressed(ex);
				throw new SchemaCloneException("Cannot reset schema '%s' to '%s' after %s (%s), nor make it again (%s)"
					.formatted(this.clone, this.definition.template(), test, ex.getMessage(), again.getMessage()),
						again);
			}
		}
	}

	private Outcome resetOrReplace(String test) throws SQLException {
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
			return replaceHeldClone(test, sessions().sessionsUsing(this.clone));
		}
	}

	/**
	 * Return whether the clone holds exactly its source's state, changing nothing: no
	 * object, row or counter differs, and no session holds a transaction on it.
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
			logger.info("%s changed the objects of schema '%s': making it again from '%s'".formatted(test, this.clone,
					this.definition.template()));
			replace(connection);
			return Outcome.REPLACED;
		}
		if (difference.isNone()) {
			return Outcome.CLEAN;
		}
		restoreRows(connection, difference.changedTables());
		setCounters(connection, difference.movedCounters());
		logger.debug("Reset schema '%s' after %s: rows of %d tables, %d counters".formatted(this.clone, test,
				difference.changedTables().size(), difference.movedCounters().size()));
		return Outcome.ROWS;
	}

	/**
	 * Compare the clone with its source, exactly. A table or column the query reads that
	 * was dropped counts as changed objects.
	 */
	private Difference difference(Connection connection) throws SQLException {
		SchemaState state;
		try {
			state = this.stateQuery.read(connection);
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() != NO_SUCH_TABLE && ex.getErrorCode() != NO_SUCH_COLUMN) {
				throw ex;
			}
			return Difference.OBJECTS_CHANGED;
		}
		SchemaState source = this.pristine.state();
		if (!state.hasObjectsOf(source)) {
			return Difference.OBJECTS_CHANGED;
		}
		List<String> moved = new ArrayList<>();
		state.movedCounters(source)
			.forEach((table, next) -> moved.add("ALTER TABLE " + Identifiers.quote(this.clone) + "."
					+ Identifiers.quoteExisting(table) + " AUTO_INCREMENT = " + next));
		List<Table> changed = state.changedTables(source, this.definition.tables());
		return new Difference(false, changed, moved);
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
			this.helpers.add(openSession());
		}
		List<Connection> sessions = new ArrayList<>();
		sessions.add(connection);
		sessions.addAll(this.helpers.subList(0, parallel - 1));
		SchemaCloner.onEach(sessions, SchemaCloner.split(alters, parallel), SchemaCloner::executeAll);
	}

	/**
	 * Delete the rows of the changed tables and copy the source's again (a sequence's row
	 * is replaced, a system-versioned table's history deleted and copied too), in one
	 * transaction, run again whole when the server makes it a deadlock's victim: InnoDB
	 * then rolls back all of it, while the driver goes on with the rest of the batch.
	 * Their triggers are dropped for it and created again after: the server cannot turn
	 * them off, and a trigger firing on the restored rows would change them or write
	 * elsewhere.
	 */
	private void restoreRows(Connection connection, List<Table> dirty) throws SQLException {
		if (dirty.isEmpty()) {
			return;
		}
		Set<String> names = dirty.stream().map(Table::name).collect(Collectors.toSet());
		List<Trigger> triggers = this.definition.triggers()
			.stream()
			.filter((trigger) -> names.contains(trigger.table()))
			.toList();
		List<String> rows = new ArrayList<>();
		for (Table table : dirty) {
			String name = Identifiers.quote(this.clone) + "." + Identifiers.quoteExisting(table.name());
			if (table.kind() != Kind.SEQUENCE) {
				rows.add("DELETE FROM " + name);
			}
			if (table.kind() == Kind.SYSTEM_VERSIONED) {
				// DELETE made the current rows history; TRUNCATE is refused on such a
				// table (4137).
				rows.add("DELETE HISTORY FROM " + name);
			}
			if (table.hasRows()) {
				rows.add(SchemaCloner.rowCopy(this.definition, this.clone, table));
			}
		}
		try {
			SchemaCloner.executeAll(connection,
					triggers.stream()
						.map((trigger) -> "DROP TRIGGER " + Identifiers.quote(this.clone) + "."
								+ Identifiers.quoteExisting(trigger.object().name()))
						.toList());
			inOneTransaction(connection, rows);
		}
		finally {
			SchemaCloner.createTriggers(connection, this.definition, this.clone, triggers);
		}
	}

	private static void inOneTransaction(Connection connection, List<String> sql) throws SQLException {
		for (int attempt = 1;; attempt++) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				for (String one : sql) {
					statement.addBatch(one);
				}
				statement.executeBatch();
				connection.commit();
				return;
			}
			catch (SQLException ex) {
				connection.rollback();
				if (attempt == RESTORE_ATTEMPTS || !SchemaCloner.isDeadlock(ex)) {
					throw ex;
				}
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
	}

	/**
	 * Return the sessions on the clone that a test left inside a transaction: the tests
	 * of a refreshing context run one at a time and Spring has rolled back the test's own
	 * transaction, so any still open is a leak that holds locks the next test would wait
	 * on.
	 */
	private List<Long> transactionsLeftOpen() throws SQLException {
		if (!this.transactionsVisible) {
			return List.of();
		}
		try {
			return sessions().sessionsInTransaction(this.clone);
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() != NEEDS_PRIVILEGE) {
				throw ex;
			}
			logger.debug(
					"Transactions left open on '%s' cannot be seen without the PROCESS privilege; resets wait %s for their locks instead"
						.formatted(this.clone, LOCK_WAIT));
			this.transactionsVisible = false;
			return List.of();
		}
	}

	private Outcome replaceHeldClone(String test, List<Long> holders) throws SQLException {
		// Those that ended by themselves meanwhile left the transaction open all the
		// same.
		sessions().end(holders);
		logger.warn(
				"%s left a transaction open on schema '%s' (connection ids %s): ended, and the schema made again from template '%s'. Close the connections your tests open, or let Spring manage their transactions"
					.formatted(test, this.clone, holders, this.definition.template()));
		replace(connection());
		return Outcome.REPLACED;
	}

	private void replace(Connection connection) throws SQLException {
		this.recreation.recreateEmpty(connection, this.clone, this.definition.charset(), this.definition.collation());
		// The drop left this session without a default schema; trigger DDL needs one.
		connection.setCatalog(this.clone);
		SchemaCloner.copy(this.server, this.definition, this.clone, this.cloneConnections);
	}

	private Connection connection() throws SQLException {
		if (this.connection == null) {
			Connection opened = openSession();
			try {
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

	private ProcessList sessions() {
		ProcessList sessions = this.sessions;
		if (sessions == null) {
			throw new IllegalStateException("No session is open on '%s'".formatted(this.clone));
		}
		return sessions;
	}

	/**
	 * Open a session for the reset: every wait for a lock a test left held is bounded,
	 * rows are restored as they are, and what it reads is current.
	 */
	private Connection openSession() throws SQLException {
		Connection opened = this.server.open(this.clone);
		try (Statement statement = opened.createStatement()) {
			long seconds = LOCK_WAIT.toSeconds();
			statement.execute("SET SESSION foreign_key_checks = 0, innodb_lock_wait_timeout = " + seconds
					+ ", lock_wait_timeout = " + seconds + ", sql_mode = CONCAT(@@sql_mode, ',NO_AUTO_VALUE_ON_ZERO')");
			PristineState.prepareToRead(opened);
			SchemaCloner.writeHistory(opened);
			return opened;
		}
		catch (SQLException ex) {
			opened.close();
			throw ex;
		}
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
	 * How a clone differs from its source.
	 *
	 * @param objectsChanged whether an object was created, changed or dropped
	 * @param changedTables the tables whose rows differ, when no object changed
	 * @param movedCounters the statements that set moved counters back, when no object
	 * changed
	 */
	private record Difference(boolean objectsChanged, List<Table> changedTables, List<String> movedCounters) {

		static final Difference OBJECTS_CHANGED = new Difference(true, List.of(), List.of());

		boolean isNone() {
			return !this.objectsChanged && this.changedTables.isEmpty() && this.movedCounters.isEmpty();
		}

	}

	/**
	 * Empties a clone, once its owner is proven, so that it can be made again.
	 */
	@FunctionalInterface
	public interface Recreation {

		/**
		 * Drop a schema and create it again, empty.
		 * @param connection the connection to do it on
		 * @param schema the schema
		 * @param charset its default character set
		 * @param collation its default collation
		 */
		void recreateEmpty(Connection connection, String schema, String charset, String collation) throws SQLException;

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
