package io.nimbusmq.broker.registration;

import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * How a broker tells name servers about itself: {@link RemoteNameServerRegistrar} over the wire,
 * {@link LocalNameServerRegistrar} straight into an in-process name server.
 */
public interface NameServerRegistrar {

    /**
     * Registers {@code broker} with all its {@code topics}. A name server updates the queue data only of masters
     * and, if it is RocketMQ's, only when {@code dataVersion} differs from the one it holds.
     *
     * @return completes when every name server accepted, or exceptionally with
     *     {@link NameServerRegistrationException} once every name server answered and at least one did not accept
     */
    CompletableFuture<Void> register(BrokerIdentity broker, Collection<TopicConfig> topics, DataVersion dataVersion);

    /** Removes {@code broker} from every name server; completes like {@link #register}. */
    CompletableFuture<Void> unregister(BrokerIdentity broker);
}
