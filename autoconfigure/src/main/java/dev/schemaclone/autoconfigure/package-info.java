/**
 * Auto-configuration that gives every Spring test context its own clone of the template.
 */
@NullMarked
package dev.schemaclone.autoconfigure;

import org.jspecify.annotations.NullMarked;
