package dev.schemaclone.engine;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.schemaclone.testsupport.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A changed migration set builds a new template once; older templates are dropped beyond the
 * newest three, except one a live process has clones of, and nothing that is not ours.
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

}
