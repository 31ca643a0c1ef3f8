/**
 * Template snapshots: files, kept on the build machine, from which a server that has no
 * template for a migration set restores it instead of running the history. Imports only
 * {@code copy} and {@code server}.
 */
@NullMarked
package dev.schemaclone.internal.snapshot;

import org.jspecify.annotations.NullMarked;
