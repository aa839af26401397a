package io.nimbusmq.broker.transaction;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.netty.channel.Channel;
import io.nimbusmq.broker.client.ProducerManager;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends checks over the connection of some live producer of the group (the {@link ProducerManager} knows them from
 * heartbeats), oneway, as RocketMQ's {@code Broker2Client} does.
 */
public final class ProducerCheckSender implements CheckRequestSender {

    private static final Logger log = LoggerFactory.getLogger(ProducerCheckSender.class);

    private final ProducerManager producers;
    private final BiFunction<Channel, RemotingCommand, CompletableFuture<Void>> oneway;
    private final Supplier<InetSocketAddress> storeHost;
    private final String brokerName;

    /**
     * @param oneway writes a oneway request to a client's channel (the remoting server's {@code invokeOneway})
     * @param storeHost the broker's advertised address, for the copy's offsetMsgId
     */
    public ProducerCheckSender(ProducerManager producers,
            BiFunction<Channel, RemotingCommand, CompletableFuture<Void>> oneway, Supplier<InetSocketAddress> storeHost,
            String brokerName) {
        this.producers = producers;
        this.oneway = oneway;
        this.storeHost = storeHost;
        this.brokerName = brokerName;
    }

    @Override
    public boolean send(String producerGroup, StoredMessage copy) {
        Optional<Channel> channel = producers.anyChannel(producerGroup);
        if (channel.isEmpty()) {
            return false;
        }
        RemotingCommand request = CheckRequests.build(copy, storeHost.get(), brokerName);
        oneway.apply(channel.get(), request).whenComplete((written, error) -> {
            if (error != null) {
                log.warn("Could not send a transaction check to producer group {}: {}", producerGroup,
                        error.toString());
            }
        });
        return true;
    }
}
