/**
 * Liquibase support: fills a context's clone from its {@code SpringLiquibase} bean and
 * points Boot's Liquibase connection details at the clone, where Liquibase is on the
 * class path.
 */
@NullMarked
package dev.schemaclone.autoconfigure.migration.liquibase;

import org.jspecify.annotations.NullMarked;
