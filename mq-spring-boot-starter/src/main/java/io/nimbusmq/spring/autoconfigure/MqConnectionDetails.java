package io.nimbusmq.spring.autoconfigure;

/**
 * Where the client connects: {@code mq.name-server}, the embedded broker, or a bean of the application's own (for
 * example from a service registry or a test container).
 */
@FunctionalInterface
public interface MqConnectionDetails {

    /** Name server addresses, {@code "host:port"} separated by {@code ;}. */
    String nameServer();
}
