package io.nimbusmq.spring.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.nimbusmq.client.producer.Producer;

/**
 * The producer of a connection in a namespace: the connection's own producer bean ({@code mqProducer},
 * {@code <name>MqProducer}) in the connection's namespace, else one made on first use (the default producer group, on
 * the client {@link MqClients} keeps for that namespace) and closed with that client. {@code MqTemplate.withNamespace}
 * sends through these, and listeners reply through the one of their connection and namespace, so that a reply goes
 * to the requester's cluster and to {@code ns%<cluster>_REPLY_TOPIC} as an official replier in the namespace sends it.
 */
final class NamespacedProducers {

    private record Key(String connection, String namespace) {
    }

    private final MqClients clients;
    private final MqProperties properties;
    private final ProducerConfigs configs;
    private final Function<String, Producer> connectionProducers;
    private final Map<Key, Producer> producers = new ConcurrentHashMap<>();

    /** @param connectionProducers the producer bean of a connection, by its name ({@code ""} for the default one) */
    NamespacedProducers(MqClients clients, MqProperties properties, ProducerConfigs configs,
            Function<String, Producer> connectionProducers) {
        this.clients = clients;
        this.properties = properties;
        this.configs = configs;
        this.connectionProducers = connectionProducers;
    }

    /**
     * @param namespace empty for the connection's own
     * @param usedBy    what asks, for the error when the connection does not exist
     */
    Producer producer(String connection, String namespace, String usedBy) {
        if (clients.isOwnNamespace(connection, namespace)) {
            return connectionProducers.apply(connection);
        }
        return producers.computeIfAbsent(new Key(connection, namespace), key -> {
            Producer producer = clients.client(connection, connection.isEmpty() ? properties.getProducer() : null,
                    namespace, usedBy).producer(configs.forGroup(configs.defaultGroup()));
            producer.start();
            return producer;
        });
    }
}
