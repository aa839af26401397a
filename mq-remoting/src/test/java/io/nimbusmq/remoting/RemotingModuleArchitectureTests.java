package io.nimbusmq.remoting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The protocol module is the wire both sides share: it knows the shared message module and nothing of the broker,
 * the name server, the store, the client or Spring.
 */
class RemotingModuleArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.nimbusmq.remoting");

    @Test
    void knowsNothingOfEitherSide() {
        noClasses().that().resideInAPackage("io.nimbusmq.remoting..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nimbusmq.broker..", "io.nimbusmq.namesrv..",
                        "io.nimbusmq.store..", "io.nimbusmq.client..", "io.nimbusmq.spring..", "org.springframework..")
                .check(CLASSES);
    }

    @Test
    void theCodecAndHeadersDoNotNeedTheTransport() {
        noClasses().that().resideInAPackage("io.nimbusmq.remoting.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nimbusmq.remoting.netty..",
                        "io.nimbusmq.remoting.dispatch..")
                .check(CLASSES);
    }
}
