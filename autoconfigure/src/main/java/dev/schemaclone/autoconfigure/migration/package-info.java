/**
 * The support of each migration tool, in a package of its own and configured only where
 * the tool is on the class path: the only Spring-layer classes that import Flyway or
 * Liquibase.
 */
@NullMarked
package dev.schemaclone.autoconfigure.migration;

import org.jspecify.annotations.NullMarked;
