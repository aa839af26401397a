package io.nimbusmq.broker.registration;

import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.namesrv.BrokerAddress;
import io.nimbusmq.namesrv.BrokerRegistration;
import io.nimbusmq.namesrv.RouteInfoManager;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import io.nimbusmq.remoting.protocol.body.RegisterBrokerBody;
import io.nimbusmq.remoting.protocol.body.TopicConfigSerializeWrapper;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * Registers a broker directly in the {@link RouteInfoManager} of a name server running in the same process, as in
 * the one-port embedded mode. There is no channel to watch, so the broker stays registered by re-registering within
 * the heartbeat timeout (which {@link BrokerRegistrationService} does) until it unregisters. Completes at once.
 */
public final class LocalNameServerRegistrar implements NameServerRegistrar {

    private final RouteInfoManager routes;

    public LocalNameServerRegistrar(RouteInfoManager routes) {
        this.routes = routes;
    }

    @Override
    public CompletableFuture<Void> register(BrokerIdentity broker, Collection<TopicConfig> topics,
                                            DataVersion dataVersion) {
        BrokerRegistration registration = new BrokerRegistration(address(broker), broker.brokerName(),
                broker.brokerId(), broker.haServerAddr(), RouteInfoManager.DEFAULT_HEARTBEAT_TIMEOUT_MILLIS, false);
        routes.registerBroker(registration,
                RegisterBrokerBody.of(TopicConfigSerializeWrapper.of(topics, dataVersion)), null);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unregister(BrokerIdentity broker) {
        routes.unregisterBroker(address(broker), broker.brokerName());
        return CompletableFuture.completedFuture(null);
    }

    private static BrokerAddress address(BrokerIdentity broker) {
        return new BrokerAddress(broker.clusterName(), broker.brokerAddr());
    }
}
