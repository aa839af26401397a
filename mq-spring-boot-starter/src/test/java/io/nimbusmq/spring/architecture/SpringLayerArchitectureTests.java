package io.nimbusmq.spring.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The starter's layering: nothing needs spring-test or JUnit (test support is its own artifact); only
 * {@code spring.metrics} and {@code spring.autoconfigure} need Micrometer, and only the embedded-broker
 * auto-configuration touches the broker (both optional dependencies); the programming model (core, annotation,
 * listener, transaction, support) does not reach into auto-configuration.
 */
class SpringLayerArchitectureTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.nimbusmq.spring");
    }

    @Test
    void nothingNeedsSpringTestOrJUnit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.test..", "org.junit..")
                .check(classes);
    }

    @Test
    void onlyTheEmbeddedBrokerConfigurationTouchesTheBroker() {
        noClasses().that().doNotHaveSimpleName("MqEmbeddedBrokerAutoConfiguration")
                .and().doNotHaveSimpleName("DevBroker").and().doNotHaveSimpleName("EmbeddedBrokerCustomizer")
                .should().dependOnClassesThat().resideInAnyPackage("io.nimbusmq.broker..", "io.nimbusmq.store..",
                        "io.nimbusmq.namesrv..")
                .check(classes);
    }

    @Test
    void onlyMetricsAndAutoConfigurationNeedMicrometer() {
        noClasses().that().resideOutsideOfPackages("io.nimbusmq.spring.metrics..", "io.nimbusmq.spring.autoconfigure..")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(classes);
    }

    @Test
    void theProgrammingModelDoesNotDependOnAutoConfiguration() {
        noClasses().that().resideInAnyPackage("io.nimbusmq.spring.core..", "io.nimbusmq.spring.annotation..",
                        "io.nimbusmq.spring.listener..", "io.nimbusmq.spring.transaction..",
                        "io.nimbusmq.spring.support..", "io.nimbusmq.spring.metrics..")
                .should().dependOnClassesThat().resideInAPackage("io.nimbusmq.spring.autoconfigure..")
                .check(classes);
    }
}
