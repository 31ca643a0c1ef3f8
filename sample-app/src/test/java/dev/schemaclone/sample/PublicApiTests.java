package dev.schemaclone.sample;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The sample app and its tests use schemaclone as any application would: through the
 * starter, its properties and {@code dev.schemaclone.SchemaClones}, never the engine.
 */
class PublicApiTests {

	@Test
	void sampleUsesNothingOfTheEngine() {
		noClasses().that()
			.resideInAPackage("dev.schemaclone.sample..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.schemaclone.internal..")
			.check(new ClassFileImporter().importPackages("dev.schemaclone.sample"));
	}

}
