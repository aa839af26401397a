package io.nimbusmq.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The client is one side of the wire: it speaks through the protocol module and agrees on messages through the
 * shared message module, and never reaches into the broker, the name server, the store, or Spring. (Its tests run a
 * broker; its main classes never see one.)
 */
class ClientModuleArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.nimbusmq.client");

    @Test
    void neverImportsBrokerOrStorePackages() {
        noClasses().that().resideInAPackage("io.nimbusmq.client..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nimbusmq.broker..", "io.nimbusmq.namesrv..",
                        "io.nimbusmq.store..")
                .check(CLASSES);
    }

    @Test
    void knowsNothingOfSpring() {
        noClasses().that().resideInAPackage("io.nimbusmq.client..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nimbusmq.spring..", "org.springframework..")
                .check(CLASSES);
    }
}
