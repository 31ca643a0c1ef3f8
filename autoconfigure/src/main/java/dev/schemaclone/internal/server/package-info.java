/**
 * The server as schemaclone uses it: connections, URLs, quoted identifiers, sessions and
 * {@code DROP DATABASE}. Imports nothing else of schemaclone's.
 */
@NullMarked
package dev.schemaclone.internal.server;

import org.jspecify.annotations.NullMarked;
