/**
 * The engine: a template schema migrated once per migration set and server under a named
 * lock, and clones of it, usable without a Spring context.
 */
package dev.schemaclone.engine;
