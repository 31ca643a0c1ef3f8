package dev.schemaclone.autoconfigure;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Keeps the JDBC test slices on the clone: {@code @JdbcTest}, {@code @DataJdbcTest} and
 * {@code @DataJpaTest} would otherwise swap a database named in the application's
 * properties for an embedded one. An explicit {@code @AutoConfigureTestDatabase(replace =
 * …)} or {@code spring.test.database.replace} still wins, as the property added here
 * comes last.
 */
class SchemaCloneContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new KeepTestDatabaseCustomizer();
	}

	/**
	 * Equal to every other instance, so that it never splits the context cache.
	 */
	static final class KeepTestDatabaseCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			ConfigurableEnvironment environment = context.getEnvironment();
			if (environment.getProperty("schemaclone.enabled", Boolean.class, true)) {
				environment.getPropertySources()
					.addLast(new MapPropertySource("schemaclone", Map.of("spring.test.database.replace", "NONE")));
			}
		}

		@Override
		public boolean equals(Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
