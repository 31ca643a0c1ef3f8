/**
 * The schemas one process manages on one server: templates built once; clones made,
 * recycled, kept warm or kept for a failed test; the summary of what it did. The package
 * the Spring layer drives; it imports every other engine package.
 */
@NullMarked
package dev.schemaclone.internal.workspace;

import org.jspecify.annotations.NullMarked;
