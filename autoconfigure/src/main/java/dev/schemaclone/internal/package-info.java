/**
 * schemaclone's engine, usable without Spring, by concern: {@code server} at the bottom;
 * {@code coordination}, {@code copy}, {@code migration} and {@code zerosetup} on it, none
 * importing another; {@code workspace} on all of them. Not an API: only
 * {@link dev.schemaclone.SchemaClones} and the auto-configuration are.
 */
@NullMarked
package dev.schemaclone.internal;

import org.jspecify.annotations.NullMarked;
