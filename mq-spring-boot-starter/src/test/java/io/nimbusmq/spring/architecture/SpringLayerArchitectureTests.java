package io.nimbusmq.spring.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The starter's layering: the client knows nothing of Spring; only {@code spring.test} needs spring-test and only
 * {@code spring.metrics} and {@code spring.autoconfigure} need Micrometer (both optional dependencies); the
 * programming model (core, annotation, listener, transaction, support) does not reach into auto-configuration or
 * test support.
 */
class SpringLayerArchitectureTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.nimbusmq.client", "io.nimbusmq.spring");
    }

    @Test
    void theClientKnowsNothingOfSpring() {
        noClasses().that().resideInAPackage("io.nimbusmq.client..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nimbusmq.spring..", "org.springframework..")
                .check(classes);
    }

    @Test
    void onlyTestSupportNeedsSpringTest() {
        noClasses().that().resideOutsideOfPackage("io.nimbusmq.spring.test..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.test..")
                .check(classes);
    }

    @Test
    void onlyMetricsAndAutoConfigurationNeedMicrometer() {
        noClasses().that().resideOutsideOfPackages("io.nimbusmq.spring.metrics..", "io.nimbusmq.spring.autoconfigure..")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(classes);
    }

    @Test
    void theProgrammingModelDoesNotDependOnAutoConfigurationOrTestSupport() {
        noClasses().that().resideInAnyPackage("io.nimbusmq.spring.core..", "io.nimbusmq.spring.annotation..",
                        "io.nimbusmq.spring.listener..", "io.nimbusmq.spring.transaction..",
                        "io.nimbusmq.spring.support..", "io.nimbusmq.spring.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nimbusmq.spring.autoconfigure..",
                        "io.nimbusmq.spring.test..")
                .check(classes);
    }
}
