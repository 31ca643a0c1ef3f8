/**
 * The servers schemaclone starts itself when a test names none: a MySQL container, else
 * an embedded MariaDB that every JVM of the user on the machine shares. Imports only
 * {@code server}.
 */
@NullMarked
package dev.schemaclone.internal.zerosetup;

import org.jspecify.annotations.NullMarked;
