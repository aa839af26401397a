package io.nimbusmq.message;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shared message module is what client, broker and store agree on about a message, so it depends on nothing but
 * the JDK: no other module of ours, no library.
 */
class MessageModuleArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.nimbusmq.message");

    @Test
    void dependsOnTheJdkOnly() {
        classes().that().resideInAPackage("io.nimbusmq.message..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.nimbusmq.message..", "java..")
                .check(CLASSES);
    }
}
