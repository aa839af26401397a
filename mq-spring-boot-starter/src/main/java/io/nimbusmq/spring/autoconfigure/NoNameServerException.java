package io.nimbusmq.spring.autoconfigure;

/**
 * The application has no broker to connect to: {@code mq.name-server} is not set, and the embedded broker is either
 * switched off ({@code mq.embedded.enabled=false}) or not on the classpath (the starter does not bring
 * {@code io.nimbusmq:mq-embedded-broker}; an application adds it for development or gets it in tests through
 * {@code mq-spring-boot-test}). Explained at start-up by {@link NoNameServerFailureAnalyzer}.
 */
public class NoNameServerException extends IllegalStateException {

    private final boolean embeddedBrokerOnClasspath;

    NoNameServerException(boolean embeddedBrokerOnClasspath) {
        super(embeddedBrokerOnClasspath
                ? "mq.name-server is not set and the embedded broker is disabled (mq.embedded.enabled=false)"
                : "mq.name-server is not set and the embedded broker (io.nimbusmq:mq-embedded-broker) is not on "
                        + "the classpath");
        this.embeddedBrokerOnClasspath = embeddedBrokerOnClasspath;
    }

    /** Whether {@code io.nimbusmq.broker.EmbeddedBroker} could be loaded (so it was switched off). */
    public boolean embeddedBrokerOnClasspath() {
        return embeddedBrokerOnClasspath;
    }
}
