/**
 * What the processes on one server agree through: the registry of owned schemas, named
 * locks, and the lease that tells live owners from dead ones. Imports only
 * {@code server}.
 */
@NullMarked
package dev.schemaclone.internal.coordination;

import org.jspecify.annotations.NullMarked;
