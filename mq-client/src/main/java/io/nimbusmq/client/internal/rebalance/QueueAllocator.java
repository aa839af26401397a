package io.nimbusmq.client.internal.rebalance;

import java.util.List;
import java.util.Optional;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.internal.ClientServices;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.ConsumerListBody;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.header.ConsumerGroupRequestHeader;

/**
 * Which queues of a topic this client should consume: every readable queue in BROADCASTING; in CLUSTERING its
 * {@link AverageAllocation} share among the group's members, as a broker of the topic lists them
 * (GET_CONSUMER_LIST_BY_GROUP, 38).
 */
public final class QueueAllocator {

    private final ClientServices services;
    private final String group;
    private final MessageModel model;

    public QueueAllocator(ClientServices services, String group, MessageModel model) {
        this.services = services;
        this.group = group;
        this.model = model;
    }

    /**
     * This client's queues of {@code topic}; empty when the topic has no route or the broker lists nobody (then the
     * caller keeps what it has, as the official client skips such a rebalance).
     */
    public Optional<List<MessageQueue>> allocate(String topic) {
        List<MessageQueue> queues = services.routes().subscribeQueues(topic);
        if (queues.isEmpty()) {
            return Optional.empty();
        }
        if (model == MessageModel.BROADCASTING) {
            return Optional.of(queues);
        }
        List<String> clientIds = consumerIds(topic);
        if (clientIds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AverageAllocation.allocate(queues, clientIds, services.clientId()));
    }

    private List<String> consumerIds(String topic) {
        String address = services.routes().anyMasterOf(topic).orElse(null);
        if (address == null) {
            return List.of();
        }
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.GET_CONSUMER_LIST_BY_GROUP,
                new ConsumerGroupRequestHeader(group));
        try {
            RemotingCommand response = services.remoting().invokeBlocking(address, request,
                    services.requestTimeoutMillis());
            if (response.code() != ResponseCode.SUCCESS || response.body() == null) {
                return List.of();
            }
            return RemotingJson.decode(response.body(), ConsumerListBody.class).consumerIdList();
        } catch (MqClientException | IllegalArgumentException e) {
            return List.of();
        }
    }
}
