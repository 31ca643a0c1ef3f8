/**
 * Side-by-side measurements of schemaclone and the naive way, run on request.
 */
package dev.schemaclone.benchmarks;
