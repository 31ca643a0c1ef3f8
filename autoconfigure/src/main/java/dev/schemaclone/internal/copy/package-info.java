/**
 * A schema's objects and rows, read once and replayed into another schema, and the reset
 * of a clone to its template's state. Imports only {@code server}.
 */
@NullMarked
package dev.schemaclone.internal.copy;

import org.jspecify.annotations.NullMarked;
