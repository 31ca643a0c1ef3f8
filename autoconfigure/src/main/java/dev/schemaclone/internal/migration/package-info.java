/**
 * The application's own Flyway or Liquibase set-up: its fingerprint, and the migration of
 * a template with it. Imports only {@code server}.
 */
@NullMarked
package dev.schemaclone.internal.migration;

import org.jspecify.annotations.NullMarked;
