package dev.schemaclone.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code schemaclone.*} property is in the generated metadata with a description
 * and, where it has one, its default: that is what IDEs show users.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyIsDescribed() throws Exception {
		String json;
		try (InputStream input = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			json = new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<Map<String, Object>> properties = JsonPath.read(json, "$.properties[*]");
		assertThat(properties).extracting((property) -> property.get("name"))
			.containsExactlyInAnyOrder("schemaclone.enabled", "schemaclone.prefix", "schemaclone.lock-timeout",
					"schemaclone.migration-timeout", "schemaclone.username", "schemaclone.password",
					"schemaclone.keep-clones", "schemaclone.pool-size", "schemaclone.prefetch",
					"schemaclone.run-context-migration", "schemaclone.clone-connections", "schemaclone.refresh",
					"schemaclone.keep-warm", "schemaclone.keep-failed", "schemaclone.lease-grace",
					"schemaclone.snapshot.enabled", "schemaclone.snapshot.directory");
		assertThat(properties).allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
		assertThat(properties).filteredOn((property) -> property.get("name").equals("schemaclone.lock-timeout"))
			.extracting((property) -> property.get("defaultValue"))
			.containsExactly("5m");
		assertThat(properties).filteredOn((property) -> property.get("name").equals("schemaclone.refresh"))
			.extracting((property) -> property.get("defaultValue"))
			.containsExactly("never");
	}

}
