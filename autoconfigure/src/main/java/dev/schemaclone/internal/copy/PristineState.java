package dev.schemaclone.internal.copy;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a pristine clone of a source holds that a test can change, read once from the
 * source (a template, or the copy of a context's starting state), with the catalog digest
 * of the server it is on.
 *
 * @param catalog the facts of objects this server has, read once
 * @param state the source's state
 */
public record PristineState(CatalogDigest catalog, SchemaState state) {

	public static PristineState read(Connection connection, TemplateDefinition definition) throws SQLException {
		prepareToRead(connection);
		CatalogDigest catalog = CatalogDigest.forServer(connection);
		return new PristineState(catalog,
				new StateQuery(catalog, definition.tables(), definition.template()).read(connection));
	}

	/**
	 * Make a session read what a test can change as it is:
	 * {@code information_schema.TABLES} with the current {@code AUTO_INCREMENT} values
	 * (MySQL 8 serves statistics cached for {@code information_schema_stats_expiry}, a
	 * day by default; MariaDB caches none, and has no such variable), and MySQL's
	 * generated invisible primary keys.
	 * @param connection the connection that reads them
	 */
	static void prepareToRead(Connection connection) throws SQLException {
		TemplateDefinition.setIfKnown(connection, "information_schema_stats_expiry = 0");
		TemplateDefinition.showInvisiblePrimaryKeys(connection);
	}

}
