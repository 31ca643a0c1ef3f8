/**
 * Flyway support: fills a context's clone from its {@code Flyway} bean and points Boot's
 * Flyway connection details at the clone, where Flyway is on the class path.
 */
@NullMarked
package dev.schemaclone.autoconfigure.migration.flyway;

import org.jspecify.annotations.NullMarked;
