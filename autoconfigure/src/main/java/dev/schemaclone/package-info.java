/**
 * schemaclone's public API: explicit wiring of a clone for test set-ups outside the
 * auto-configuration.
 */
@NullMarked
package dev.schemaclone;

import org.jspecify.annotations.NullMarked;
