package dev.schemaclone.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import dev.schemaclone.internal.workspace.RunSummary;
import dev.schemaclone.internal.workspace.SchemaWorkspaces;

/**
 * Logs what schemaclone did and saved once the tests of a JVM have run, and writes it as
 * JSON to {@code target/schemaclone/summary-<pid>.json} ({@code build/…} under Gradle).
 * At the end of the JUnit launcher session, not at JVM exit: by then Maven Surefire no
 * longer forwards a forked JVM's output, and the log line would be lost.
 */
public class RunSummaryReporter implements LauncherSessionListener {

	private static final Log logger = LogFactory.getLog(RunSummaryReporter.class);

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		RunSummary summary = SchemaWorkspaces.summary();
		if (summary.isEmpty()) {
			return;
		}
		logger.info(String.join(System.lineSeparator(), summary.lines()));
		Path folder = reportFolder();
		if (folder != null) {
			String jvm = String.valueOf(ProcessHandle.current().pid());
			try {
				Files.createDirectories(folder);
				Files.writeString(folder.resolve("summary-" + jvm + ".json"), summary.toJson(jvm));
			}
			catch (IOException ex) {
				logger.warn("Could not write schemaclone's summary to " + folder + ": " + ex.getMessage());
			}
		}
	}

	/**
	 * Return the folder of the build tool's output the tests run beside, or {@code null}.
	 */
	private static @Nullable Path reportFolder() {
		for (String output : new String[] { "target", "build" }) {
			Path folder = Path.of(output);
			if (Files.isDirectory(folder)) {
				return folder.resolve("schemaclone");
			}
		}
		return null;
	}

}
