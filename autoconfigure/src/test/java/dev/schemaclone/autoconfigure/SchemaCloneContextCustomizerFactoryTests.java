package dev.schemaclone.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCloneContextCustomizerFactoryTests {

	private final SchemaCloneContextCustomizerFactory factory = new SchemaCloneContextCustomizerFactory();

	@Test
	void customizersOfDifferentTestClassesAreEqualSoTheContextCacheIsNotSplit() {
		ContextCustomizer one = this.factory.createContextCustomizer(String.class, List.of());
		ContextCustomizer two = this.factory.createContextCustomizer(Integer.class, List.of());
		assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
	}

	@Test
	void slicesKeepTheApplicationsDatabase() {
		assertThat(customized(Map.of()).getEnvironment().getProperty("spring.test.database.replace")).isEqualTo("NONE");
	}

	@Test
	void anExplicitReplaceWins() {
		assertThat(customized(Map.of("spring.test.database.replace", "ANY")).getEnvironment()
			.getProperty("spring.test.database.replace")).isEqualTo("ANY");
	}

	@Test
	void nothingIsAddedWhenSchemacloneIsOff() {
		assertThat(customized(Map.of("schemaclone.enabled", "false")).getEnvironment()
			.containsProperty("spring.test.database.replace")).isFalse();
	}

	private GenericApplicationContext customized(Map<String, Object> properties) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
		this.factory.createContextCustomizer(getClass(), List.of()).customizeContext(context, null);
		return context;
	}

}
