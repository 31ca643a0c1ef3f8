package dev.schemaclone.internal.snapshot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.schemaclone.internal.copy.TemplateImage;
import dev.schemaclone.internal.copy.TemplateImageCodec;
import dev.schemaclone.internal.server.DatabaseServer;

/**
 * One snapshot file: what it was taken of (migration set, server release), what building
 * the template from history cost, and the template's {@link TemplateImage}, gzipped. It
 * starts with a format name and version and ends with an end mark, so that a file of
 * another format or cut short is refused as a whole; gzip's checksum refuses changed
 * bytes.
 */
public final class TemplateSnapshot {

	private static final Log logger = LogFactory.getLog(TemplateSnapshot.class);

	private static final String FORMAT = "schemaclone template snapshot";

	private static final int VERSION = 2;

	private static final String END = "end of snapshot";

	private final Path file;

	private final String fingerprint;

	private final ServerRelease release;

	private final int migrations;

	private final long buildMillis;

	private final TemplateImage image;

	TemplateSnapshot(Path file, String fingerprint, ServerRelease release, int migrations, long buildMillis,
			TemplateImage image) {
		this.file = file;
		this.fingerprint = fingerprint;
		this.release = release;
		this.migrations = migrations;
		this.buildMillis = buildMillis;
		this.image = image;
	}

	/**
	 * Read a snapshot file whole.
	 * @throws IOException if it cannot be read, or is no complete snapshot of this format
	 */
	static TemplateSnapshot read(Path file) throws IOException {
		try (DataInputStream in = new DataInputStream(
				new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file))))) {
			String format = in.readUTF();
			int version = in.readInt();
			if (!FORMAT.equals(format) || version != VERSION) {
				throw new IOException(
						"it is of format '%s' %d, not '%s' %d".formatted(format, version, FORMAT, VERSION));
			}
			String fingerprint = in.readUTF();
			ServerRelease release = new ServerRelease(in.readUTF(), in.readUTF(), in.readUTF());
			int migrations = in.readInt();
			long buildMillis = in.readLong();
			TemplateImage image = TemplateImageCodec.read(in);
			if (!END.equals(in.readUTF()) || in.read() != -1) {
				throw new IOException("it does not end where its format ends");
			}
			return new TemplateSnapshot(file, fingerprint, release, migrations, buildMillis, image);
		}
	}

	/**
	 * Write the snapshot into a file, whole or not at all: the caller moves it into
	 * place.
	 */
	void write(Path target) throws IOException {
		try (DataOutputStream out = new DataOutputStream(
				new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(target))))) {
			out.writeUTF(FORMAT);
			out.writeInt(VERSION);
			out.writeUTF(this.fingerprint);
			out.writeUTF(this.release.product());
			out.writeUTF(this.release.version());
			out.writeUTF(this.release.settings());
			out.writeInt(this.migrations);
			out.writeLong(this.buildMillis);
			TemplateImageCodec.write(this.image, out);
			out.writeUTF(END);
		}
	}

	/**
	 * Restore the template into an existing empty schema, and check it as a clone is
	 * checked; say in one INFO line why when it cannot be used.
	 * @param server the server
	 * @param schema the empty schema
	 * @param connections how many connections to spread tables and rows over, at most
	 * @return whether the schema now holds the template
	 */
	public boolean restore(DatabaseServer server, String schema, int connections) {
		long start = System.nanoTime();
		String difference;
		try {
			difference = this.image.restore(server, schema, connections);
		}
		catch (SQLException | RuntimeException ex) {
			logger.info("Ignoring snapshot %s: restoring it failed (%s); building template '%s' from history"
				.formatted(this.file, ex.getMessage(), schema));
			return false;
		}
		if (difference != null) {
			logger.info(
					"Ignoring snapshot %s: the template restored from it differs from the snapshot's record in %s; building template '%s' from history"
						.formatted(this.file, difference, schema));
			return false;
		}
		TemplateSnapshots.markUsed(this.file);
		logger.info("Restored template '%s' from snapshot %s in %d ms: %d migrations not run".formatted(schema,
				this.file, Duration.ofNanos(System.nanoTime() - start).toMillis(), this.migrations));
		return true;
	}

	String fingerprint() {
		return this.fingerprint;
	}

	ServerRelease release() {
		return this.release;
	}

	/**
	 * Return how many migrations the template's history holds.
	 */
	public int migrations() {
		return this.migrations;
	}

	/**
	 * Return how long building the template from history took.
	 */
	public long buildMillis() {
		return this.buildMillis;
	}

}
