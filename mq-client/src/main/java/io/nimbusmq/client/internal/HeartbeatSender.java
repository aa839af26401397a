package io.nimbusmq.client.internal;

import java.util.Set;
import java.util.function.Supplier;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.internal.remoting.ClientRemoting;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.ConsumerData;
import io.nimbusmq.remoting.protocol.body.client.HeartbeatData;
import io.nimbusmq.remoting.protocol.body.client.ProducerData;
import io.nimbusmq.remoting.protocol.header.UnregisterClientRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HEART_BEAT (34) with every producer group (CLIENT_INNER_PRODUCER included) and running consumer group of this
 * client, and UNREGISTER_CLIENT (35) when a group leaves (remoting-protocol.md §4.4).
 */
final class HeartbeatSender {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatSender.class);

    record Groups(Set<ProducerData> producers, Set<ConsumerData> consumers) {
    }

    private final ClientRemoting remoting;
    private final String clientId;
    private final long timeoutMillis;
    private final Supplier<Groups> groups;

    HeartbeatSender(ClientRemoting remoting, String clientId, long timeoutMillis, Supplier<Groups> groups) {
        this.remoting = remoting;
        this.clientId = clientId;
        this.timeoutMillis = timeoutMillis;
        this.groups = groups;
    }

    /** One heartbeat to {@code address}, synchronously (so that a consumer's subscription is known before it pulls). */
    synchronized void sendTo(String address) {
        Groups current = groups.get();
        HeartbeatData data = new HeartbeatData(clientId, current.consumers(), current.producers(), 0, false);
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.HEART_BEAT)
                .setBody(RemotingJson.encode(data));
        try {
            RemotingCommand response = remoting.invokeBlocking(address, request, timeoutMillis);
            if (response.code() != ResponseCode.SUCCESS) {
                log.warn("Heartbeat to {} answered {} {}", address, ResponseCode.describe(response.code()), response.remark());
            }
        } catch (MqClientException e) {
            log.debug("Heartbeat to {} failed: {}", address, e.getMessage());
        }
    }

    void unregister(String address, String producerGroup, String consumerGroup) {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.UNREGISTER_CLIENT,
                new UnregisterClientRequestHeader(clientId, producerGroup, consumerGroup));
        try {
            remoting.invokeBlocking(address, request, timeoutMillis);
        } catch (MqClientException e) {
            log.debug("Unregistering from {} failed: {}", address, e.getMessage());
        }
    }
}
