package io.nimbusmq.filter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Selectors are shared by broker, client and starter, so the module depends on nothing but the JDK. */
class FilterModuleArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.nimbusmq.filter");

    @Test
    void dependsOnTheJdkOnly() {
        classes().that().resideInAPackage("io.nimbusmq.filter..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.nimbusmq.filter..", "java..")
                .check(CLASSES);
    }
}
