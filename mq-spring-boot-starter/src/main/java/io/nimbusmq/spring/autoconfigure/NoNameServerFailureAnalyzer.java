package io.nimbusmq.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@link NoNameServerException} in Spring Boot's start-up failure report: what to set or add. */
class NoNameServerFailureAnalyzer extends AbstractFailureAnalyzer<NoNameServerException> {

    static final String SET_NAME_SERVER = "Set mq.name-server to your broker's name server, e.g. "
            + "mq.name-server=127.0.0.1:9876 (several: a:9876;b:9876).";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoNameServerException cause) {
        String description = "Nimbus MQ has no broker to connect to: " + cause.getMessage() + ".";
        String action = cause.embeddedBrokerOnClasspath()
                ? SET_NAME_SERVER + " Or remove mq.embedded.enabled=false to run the embedded development broker."
                : SET_NAME_SERVER + " Or, for development, add the embedded broker to the application "
                        + "(it is started when no name server is set):\n\n"
                        + "    <dependency>\n"
                        + "      <groupId>io.nimbusmq</groupId>\n"
                        + "      <artifactId>mq-embedded-broker</artifactId>\n"
                        + "      <scope>runtime</scope>   <!-- or in a dev profile -->\n"
                        + "    </dependency>\n\n"
                        + "In tests, add io.nimbusmq:mq-spring-boot-test (test scope) and use @EmbeddedMq.";
        return new FailureAnalysis(description, action, cause);
    }
}
