package dev.schemaclone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The layering of {@code docs/architecture.md}, checked on the compiled classes: the
 * engine knows nothing of Spring Boot or Spring's test framework, and each engine package
 * imports only the packages below it.
 */
class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.schemaclone");

	@Test
	void engineKnowsNothingOfSpringBootOrSpringsTestFramework() {
		noClasses().that()
			.resideInAPackage("dev.schemaclone.internal..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.boot..", "org.springframework.test..")
			.check(classes);
	}

	@Test
	void eachPackageImportsOnlyThePackagesBelowIt() {
		layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.schemaclone..")
			.layer("API")
			.definedBy("dev.schemaclone")
			.layer("Spring")
			.definedBy("dev.schemaclone.autoconfigure..")
			.layer("Workspace")
			.definedBy("dev.schemaclone.internal.workspace..")
			.layer("Snapshot")
			.definedBy("dev.schemaclone.internal.snapshot..")
			.layer("Coordination")
			.definedBy("dev.schemaclone.internal.coordination..")
			.layer("Copy")
			.definedBy("dev.schemaclone.internal.copy..")
			.layer("Migration")
			.definedBy("dev.schemaclone.internal.migration..")
			.layer("ZeroSetup")
			.definedBy("dev.schemaclone.internal.zerosetup..")
			.layer("Server")
			.definedBy("dev.schemaclone.internal.server..")
			.whereLayer("API")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Spring")
			.mayOnlyBeAccessedByLayers("API")
			.whereLayer("Workspace")
			.mayOnlyBeAccessedByLayers("API", "Spring")
			.whereLayer("Snapshot")
			.mayOnlyBeAccessedByLayers("Workspace")
			.whereLayer("Coordination")
			.mayOnlyBeAccessedByLayers("Workspace")
			.whereLayer("Copy")
			.mayOnlyBeAccessedByLayers("Workspace", "Snapshot")
			.whereLayer("Migration")
			.mayOnlyBeAccessedByLayers("API", "Spring", "Workspace")
			.whereLayer("ZeroSetup")
			.mayOnlyBeAccessedByLayers("API", "Spring", "Workspace")
			.check(classes);
	}

}
