/**
 * Load tests: many cached contexts in several JVMs against one server.
 */
package dev.schemaclone.load;
