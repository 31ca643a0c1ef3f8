/**
 * A small library: its catalogue, members and loans, over a MySQL schema that Flyway
 * evolves.
 */
package dev.schemaclone.sample;
