package dev.schemaclone.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code schemaclone.*} property is in the generated metadata with a description
 * and its default, or, where the default is computed at start-up, a description that says
 * how: that is what IDEs show users.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyIsDescribedWithItsDefault() throws Exception {
		Map<String, Object> defaults = new HashMap<>();
		Map<String, String> descriptions = new HashMap<>();
		for (Map<String, Object> property : properties()) {
			String name = (String) property.get("name");
			defaults.put(name, property.get("defaultValue"));
			descriptions.put(name, (String) property.get("description"));
		}
		Map<String, Object> expected = new HashMap<>();
		expected.put("schemaclone.enabled", true);
		expected.put("schemaclone.prefix", "schemaclone");
		expected.put("schemaclone.lock-timeout", "5m");
		expected.put("schemaclone.migration-timeout", "5m");
		expected.put("schemaclone.username", null);
		expected.put("schemaclone.password", null);
		expected.put("schemaclone.keep-clones", false);
		expected.put("schemaclone.pool-size", 4);
		expected.put("schemaclone.prefetch", null);
		expected.put("schemaclone.run-context-migration", false);
		expected.put("schemaclone.clone-connections", null);
		expected.put("schemaclone.keep-warm", 16);
		expected.put("schemaclone.keep-failed", 5);
		expected.put("schemaclone.lease-grace", "2m");
		expected.put("schemaclone.refresh", "never");
		expected.put("schemaclone.snapshot.enabled", true);
		expected.put("schemaclone.snapshot.directory", null);
		assertThat(defaults).isEqualTo(expected);
		assertThat(descriptions.values()).allSatisfy((description) -> assertThat(description).isNotBlank());
		assertThat(descriptions.get("schemaclone.username")).contains("Defaults to the application's user");
		assertThat(descriptions.get("schemaclone.prefetch"))
			.contains("Computed at start-up when not set: 1 on machines with more than two cores");
		assertThat(descriptions.get("schemaclone.clone-connections"))
			.contains("Computed at start-up when not set: one per two cores")
			.contains("at most 4");
		assertThat(descriptions.get("schemaclone.snapshot.directory"))
			.contains("Computed at start-up when not set: .cache/schemaclone in the user's home directory");
	}

	@Test
	void descriptionsFollowBootsConventions() throws Exception {
		for (Map<String, Object> property : properties()) {
			String description = (String) property.get("description");
			assertThat(description).as((String) property.get("name")).doesNotStartWith("The ");
			if ("java.lang.Boolean".equals(property.get("type"))) {
				assertThat(description).as((String) property.get("name")).startsWith("Whether ");
			}
		}
	}

	private List<Map<String, Object>> properties() throws Exception {
		try (InputStream input = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			return JsonPath.read(new String(input.readAllBytes(), StandardCharsets.UTF_8), "$.properties[*]");
		}
	}

}
