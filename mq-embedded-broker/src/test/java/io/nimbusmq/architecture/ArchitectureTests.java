package io.nimbusmq.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps dependencies pointing one way: broker → name server → remoting, everything → store, and the store depending
 * on nothing of ours. Maven enforces the direction between modules; these rules enforce it between packages.
 */
class ArchitectureTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.nimbusmq");
    }

    @Test
    void theStoreDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.nimbusmq.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nimbusmq.remoting..", "io.nimbusmq.namesrv..",
                        "io.nimbusmq.broker..", "io.nimbusmq.spring..")
                .check(classes);
    }

    @Test
    void theStoreUsesNoNetworkingOrSpring() {
        noClasses().that().resideInAPackage("io.nimbusmq.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.springframework..")
                .check(classes);
    }

    @Test
    void remotingKnowsNothingOfBrokerOrNameServer() {
        noClasses().that().resideInAPackage("io.nimbusmq.remoting..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nimbusmq.broker..", "io.nimbusmq.namesrv..",
                        "io.nimbusmq.store..")
                .check(classes);
    }

    @Test
    void theNameServerKnowsNothingOfTheBroker() {
        noClasses().that().resideInAPackage("io.nimbusmq.namesrv..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nimbusmq.broker..", "io.nimbusmq.store..")
                .check(classes);
    }

    @Test
    void storePackagesDoNotReachIntoTheFacade() {
        noClasses().that().resideInAnyPackage("io.nimbusmq.store.file..", "io.nimbusmq.message..",
                        "io.nimbusmq.store.commitlog..", "io.nimbusmq.store.queue..", "io.nimbusmq.store.index..",
                        "io.nimbusmq.store.dispatch..", "io.nimbusmq.store.recovery..",
                        "io.nimbusmq.store.retention..", "io.nimbusmq.store.flush..", "io.nimbusmq.store.read..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.nimbusmq.store.DefaultMessageStore")
                .check(classes);
    }
}
