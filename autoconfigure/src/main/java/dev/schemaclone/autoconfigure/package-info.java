/**
 * Auto-configuration that gives every Spring test context its own clone of the template.
 */
package dev.schemaclone.autoconfigure;
