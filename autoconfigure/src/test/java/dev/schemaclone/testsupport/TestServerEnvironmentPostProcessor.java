package dev.schemaclone.testsupport;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the test applications the same server as the rest of the tests, resolved once by
 * {@link TestServer}, as {@code SCHEMACLONE_TEST_URL}; an environment variable or system
 * property of that name still wins.
 */
class TestServerEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.containsProperty(TestServer.SETTING)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("testServer", Map.of(TestServer.SETTING, TestServer.url())));
		}
	}

}
