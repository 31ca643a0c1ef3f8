package dev.schemaclone;

import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The layering of {@code docs/architecture.md}, checked on the compiled classes: the
 * engine knows nothing of Spring Boot or Spring's test framework, each engine package
 * imports only the packages below it, only {@code migration} packages know the migration
 * tools, and per-context state is a bean of its own, not a post-processor's.
 */
class ArchitectureTests {

	/**
	 * What bean factories look beans up with.
	 */
	private static final Set<String> LOOKUPS = Set.of("getBean", "getBeanProvider", "getBeansOfType",
			"getBeanNamesForType");

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

	@Test
	void onlyMigrationPackagesKnowTheMigrationTools() {
		onlyMigrationPackagesKnowTheMigrationTools.check(classes);
	}

	@Test
	void migrationToolRuleFailsOnAClassThatImportsFlyway() {
		JavaClasses test = new ClassFileImporter().importClasses(KnowsFlyway.class);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> onlyMigrationPackagesKnowTheMigrationTools.check(test))
			.withMessageContaining("org.flywaydb.core.Flyway");
	}

	@Test
	void nothingLooksUpAPostProcessor() {
		nothingLooksUpAPostProcessor.check(classes);
	}

	@Test
	void postProcessorRuleFailsOnALookUpAndOnAProvider() {
		JavaClasses test = new ClassFileImporter().importClasses(LooksUpAPostProcessor.class);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> nothingLooksUpAPostProcessor.check(test))
			.withMessageContaining(
					"LooksUpAPostProcessor.state(org.springframework.beans.factory.BeanFactory) looks up "
							+ StatefulPostProcessor.class.getName())
			.withMessageContaining(
					"LooksUpAPostProcessor has a field of org.springframework.beans.factory.ObjectProvider<"
							+ StatefulPostProcessor.class.getName() + ">");
	}

	/**
	 * Flyway and Liquibase are optional, each configured on its own: no class outside a
	 * {@code migration} package imports their types or Boot's support of them. The one
	 * exception is the public API's {@code SchemaClones}, whose {@code flyway(…)} takes a
	 * Flyway configuration.
	 */
	private static final ArchRule onlyMigrationPackagesKnowTheMigrationTools = noClasses().that()
		.resideOutsideOfPackages("..migration..")
		.and()
		.doNotHaveFullyQualifiedName(SchemaClones.class.getName())
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.flywaydb..", "liquibase..", "org.springframework.boot.flyway..",
				"org.springframework.boot.liquibase..");

	/**
	 * A context's state is a bean of its own: nothing looks a post-processor up in a bean
	 * factory, or keeps or is given one (or a provider of one) to reach state through it.
	 */
	private static final ArchRule nothingLooksUpAPostProcessor = classes()
		.should(new ArchCondition<JavaClass>("not look up a post-processor") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				for (JavaCodeUnit code : type.getCodeUnits()) {
					boolean looksUp = code.getMethodCallsFromSelf()
						.stream()
						.anyMatch((call) -> LOOKUPS.contains(call.getName())
								&& call.getTargetOwner().isAssignableTo(BeanFactory.class));
					code.getReferencedClassObjects()
						.stream()
						.filter((literal) -> looksUp && isPostProcessor(literal.getRawType()))
						.forEach((literal) -> events.add(SimpleConditionEvent.violated(code,
								"%s looks up %s".formatted(code.getFullName(), literal.getRawType().getName()))));
					code.getParameters()
						.stream()
						.filter((parameter) -> holdsPostProcessor(parameter.getType()))
						.forEach((parameter) -> events.add(SimpleConditionEvent.violated(code,
								"%s is given %s".formatted(code.getFullName(), parameter.getType().getName()))));
				}
				type.getFields()
					.stream()
					.filter((field) -> holdsPostProcessor(field.getType()))
					.forEach((field) -> events.add(SimpleConditionEvent.violated(field,
							"%s has a field of %s".formatted(type.getName(), field.getType().getName()))));
			}

		});

	/**
	 * Return whether a type is a post-processor, or an {@code ObjectProvider} (or other
	 * generic type) of one.
	 */
	private static boolean holdsPostProcessor(JavaType type) {
		Stream<JavaType> arguments = (type instanceof JavaParameterizedType parameterized)
				? parameterized.getActualTypeArguments().stream() : Stream.empty();
		return isPostProcessor(type.toErasure())
				|| arguments.anyMatch((argument) -> isPostProcessor(argument.toErasure()));
	}

	private static boolean isPostProcessor(JavaClass type) {
		return type.isAssignableTo(BeanPostProcessor.class) || type.isAssignableTo(BeanFactoryPostProcessor.class);
	}

	/**
	 * The shape the post-processor rule refuses: per-context state reached through a
	 * post-processor.
	 */
	static final class LooksUpAPostProcessor {

		private ObjectProvider<StatefulPostProcessor> provider;

		Object state(BeanFactory beanFactory) {
			return beanFactory.getBean(StatefulPostProcessor.class).state;
		}

	}

	/**
	 * What the migration tool rule refuses outside a {@code migration} package.
	 */
	static final class KnowsFlyway {

		private org.flywaydb.core.Flyway flyway;

	}

	static final class StatefulPostProcessor implements BeanPostProcessor {

		Object state;

	}

}
