package dev.schemaclone.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

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

}
