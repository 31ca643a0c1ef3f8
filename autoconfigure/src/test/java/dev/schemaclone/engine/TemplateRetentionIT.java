package dev.schemaclone.engine;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.schemaclone.testsupport.SchemaSnapshot;
import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A changed migration set builds a new template once; older templates are dropped beyond the
 * newest three, except one a live process has clones of or is cloning, and nothing that is not
 * ours.
 */
class TemplateRetentionIT {

	private static final String PREFIX = "it_retain";

	@RegisterExtension
	static final SchemaPrefix schemas = new SchemaPrefix(PREFIX);

	@Test
	void olderTemplatesAreDroppedUnlessInUse() {
		String decoy = PREFIX + "_tpl_0000000000000000";
		TestServer.execute("CREATE DATABASE " + decoy);
		List<String> templates = new ArrayList<>();
		try (SchemaWorkspace user = TestTemplates.workspace(PREFIX); SchemaWorkspace builder = TestTemplates.workspace(PREFIX)) {
			String first = user.template(TestTemplates.counted(TestTemplates.newRunId()));
			user.createClone(first);
			templates.add(first);
			for (int i = 0; i < 4; i++) {
				String runId = TestTemplates.newRunId();
				templates.add(builder.template(TestTemplates.counted(runId)));
				// Each changed set builds once, however often it is asked for.
				assertThat(builder.template(TestTemplates.counted(runId))).isEqualTo(templates.get(templates.size() - 1));
				assertThat(TestTemplates.runs(runId)).isEqualTo(1);
			}
			assertThat(TestTemplates.schemasLike(PREFIX + "\\_tpl\\_%")).containsExactlyInAnyOrder(decoy, templates.get(0),
					templates.get(2), templates.get(3), templates.get(4));
		}
	}

	@Test
	void templateMarkedForRetirementAfterItWasFoundReadyIsNotCloned() throws Exception {
		try (SchemaWorkspace workspace = TestTemplates.workspace(PREFIX)) {
			String template = workspace.template(TestTemplates.counted(TestTemplates.newRunId()));
			// Another process's retention marks it between this one finding it ready and cloning it.
			markRetiring(template);
			assertThatExceptionOfType(TemplateRetiredException.class)
				.isThrownBy(() -> workspace.createClone(template))
				.withMessage("Template '%s' is being dropped by template retention in another process".formatted(template));
			assertThat(TestTemplates.schemasLike(PREFIX + "\\_c\\_" + workspace.lease().token() + "\\_%")).isEmpty();
		}
	}

	@Test
	void templateLeftMarkedByARetentionThatDiedIsBuiltAgainForTheNextContext() throws Exception {
		String runId = TestTemplates.newRunId();
		try (SchemaWorkspace workspace = TestTemplates.workspace(PREFIX)) {
			String template = workspace.template(TestTemplates.counted(runId));
			markRetiring(template);
			ReservedSchema reserved = workspace.reserve();
			workspace.complete(reserved, TestTemplates.counted(runId));
			assertThat(TestTemplates.runs(runId)).isEqualTo(2);
			try (Connection connection = TestServer.server().open()) {
				assertThat(SchemaSnapshot.of(connection, reserved.name()).facts())
					.isEqualTo(SchemaSnapshot.of(connection, template).facts());
			}
		}
	}

	private static void markRetiring(String template) throws Exception {
		try (Connection connection = TestServer.server().open()) {
			assertThat(new SchemaRegistry(PREFIX).changeState(connection, template, SchemaRegistry.READY,
					SchemaRegistry.RETIRING)).isTrue();
		}
	}

}
