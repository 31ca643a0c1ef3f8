/**
 * The application's own Flyway or Liquibase set-up: its fingerprint, and the migration of
 * a template with it. Imports only {@code server}.
 */
package dev.schemaclone.internal.migration;
