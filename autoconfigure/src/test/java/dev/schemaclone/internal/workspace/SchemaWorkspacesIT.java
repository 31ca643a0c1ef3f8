package dev.schemaclone.internal.workspace;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One workspace per server, user and prefix in a process: a caller asking it for other
 * settings is told, once, which apply.
 */
@ExtendWith(OutputCaptureExtension.class)
class SchemaWorkspacesIT {

	private static final String PREFIX = "it_workspaces";

	@RegisterExtension
	static final SchemaPrefix schemas = new SchemaPrefix(PREFIX);

	@Test
	void otherSettingsForTheSameWorkspaceAreWarnedAboutOnce(CapturedOutput output) {
		WorkspaceSettings first = new WorkspaceSettings(PREFIX, Duration.ofSeconds(60), Duration.ofSeconds(60));
		WorkspaceSettings other = new WorkspaceSettings(PREFIX, Duration.ofSeconds(90), Duration.ofSeconds(60));
		SchemaWorkspace workspace = SchemaWorkspaces.get(TestServer.server(), first);
		assertThat(SchemaWorkspaces.get(TestServer.server(), first)).isSameAs(workspace);
		assertThat(output).doesNotContain("ask for different schemaclone settings");
		assertThat(SchemaWorkspaces.get(TestServer.server(), other)).isSameAs(workspace);
		assertThat(SchemaWorkspaces.get(TestServer.server(), other)).isSameAs(workspace);
		assertThat(output.toString().split("ask for different schemaclone settings", -1)).as("warnings").hasSize(2);
		assertThat(output).contains("lockTimeout=PT1M", "not prefix=" + PREFIX + ", lockTimeout=PT1M30S");
	}

}
