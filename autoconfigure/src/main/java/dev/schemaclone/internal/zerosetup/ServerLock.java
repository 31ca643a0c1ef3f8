package dev.schemaclone.internal.zerosetup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import dev.schemaclone.internal.server.SchemaCloneException;

/**
 * An exclusive lock on a file, held by one process at a time, for as long as a JVM looks
 * for, installs or starts the shared server; the operating system releases it when the
 * process dies, however it dies.
 */
final class ServerLock implements AutoCloseable {

	private final FileChannel channel;

	private ServerLock(FileChannel channel) {
		this.channel = channel;
	}

	static ServerLock acquire(Path file, Duration timeout) {
		FileChannel channel;
		try {
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new SchemaCloneException(
					"Cannot open the lock file %s of the zero-setup MariaDB: %s. Set '%s' to a directory you may write"
						.formatted(file, ex.getMessage(), ZeroSetupSettings.DIRECTORY),
					ex);
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			do {
				if (tryLock(channel)) {
					return new ServerLock(channel);
				}
				Thread.sleep(100);
			}
			while (System.nanoTime() < deadline);
			channel.close();
		}
		catch (IOException ex) {
			throw new SchemaCloneException("Cannot lock %s: %s".formatted(file, ex.getMessage()), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SchemaCloneException("Interrupted while waiting for the lock " + file, ex);
		}
		throw new SchemaCloneException(
				("Waited %d s for the lock %s: another process has been installing or starting the "
						+ "zero-setup MariaDB for that long. If none runs (see 'ps'), delete the directory %s and run again")
					.formatted(timeout.toSeconds(), file, file.getParent()));
	}

	private static boolean tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock() != null;
		}
		catch (OverlappingFileLockException ex) {
			// Held by another class loader of this JVM: wait as for another process.
			return false;
		}
	}

	@Override
	public void close() {
		try {
			// Closing the channel releases the lock.
			this.channel.close();
		}
		catch (IOException ex) {
			// The lock goes with the process at the latest.
		}
	}

}
