package dev.schemaclone.internal.zerosetup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The last lines of a server's or install's output, for error messages.
 */
final class LogTail {

	private static final int LINES = 8;

	private LogTail() {
	}

	static String of(Path log) {
		try {
			List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
			return String.join(" | ", lines.subList(Math.max(0, lines.size() - LINES), lines.size()));
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

}
