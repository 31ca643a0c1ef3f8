/**
 * The servers schemaclone starts itself when a test names none: a MySQL container, else an
 * embedded MariaDB. Imports only {@code server}.
 */
package dev.schemaclone.internal.zerosetup;
