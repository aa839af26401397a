package io.nimbusmq.client.internal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.TopicDescription;
import io.nimbusmq.client.internal.ClientServices;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.BrokerData;
import io.nimbusmq.remoting.protocol.body.ClusterInfo;
import io.nimbusmq.remoting.protocol.body.QueueData;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.TopicRouteData;
import io.nimbusmq.remoting.protocol.header.CreateTopicRequestHeader;
import io.nimbusmq.remoting.protocol.header.TopicRequestHeader;

/**
 * Topic administration an application may do on its own topics, as {@code mqadmin updateTopic} and
 * {@code topicRoute} do: describe a topic (its route from the name servers, and each master's GET_TOPIC_CONFIG (351)
 * for the attributes) and create or update it on every master the name servers know (GET_BROKER_CLUSTER_INFO (106),
 * then UPDATE_AND_CREATE_TOPIC (17) to each). Brokers with ACL need an admin access key for the latter.
 */
public final class TopicAdmin {

    private final ClientServices services;

    public TopicAdmin(ClientServices services) {
        this.services = services;
    }

    /** The topic's route and attributes; empty when the name servers know no broker with it. */
    public Optional<TopicDescription> describe(String topic) {
        Optional<TopicRouteData> route = services.routes().refresh(topic);
        if (route.isEmpty()) {
            return Optional.empty();
        }
        List<TopicDescription.BrokerTopic> brokers = new ArrayList<>();
        for (QueueData queues : route.get().queueDatas()) {
            Map<String, String> attributes = route.get().brokerDatas().stream()
                    .filter(broker -> broker.brokerName().equals(queues.brokerName()))
                    .map(BrokerData::masterAddr).flatMap(Optional::stream).findFirst()
                    .flatMap(address -> attributes(address, topic)).orElse(Map.of());
            brokers.add(new TopicDescription.BrokerTopic(queues.brokerName(), queues.readQueueNums(),
                    queues.writeQueueNums(), queues.perm(), attributes));
        }
        return Optional.of(new TopicDescription(topic, brokers));
    }

    /**
     * Creates or updates {@code topic} with {@code queues} read and write queues on every master.
     *
     * @return per master address, the refusal (code and remark, or the failure), empty for a master that did it
     * @throws MqClientException when the name servers cannot list the brokers, or list none
     */
    public Map<String, String> create(String topic, int queues, Map<String, String> attributes) {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.GET_BROKER_CLUSTER_INFO);
        RemotingCommand response = services.remoting().invokeNameServer(request, services.requestTimeoutMillis());
        if (response.code() != ResponseCode.SUCCESS) {
            throw new MqClientException(response.code(), "the name servers did not list their brokers: "
                    + response.remark());
        }
        ClusterInfo clusters = RemotingJson.decode(response.body(), ClusterInfo.class);
        List<String> masters = clusters.brokerAddrTable().values().stream().map(BrokerData::masterAddr)
                .flatMap(Optional::stream).sorted().toList();
        if (masters.isEmpty()) {
            throw new MqClientException(ResponseCode.SYSTEM_ERROR, "the name servers know no master broker");
        }
        String encoded = attributes.isEmpty() ? null : attributes.entrySet().stream()
                .map(entry -> "+" + entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(","));
        Map<String, String> refusals = new java.util.TreeMap<>();
        for (String master : masters) {
            RemotingCommand create = RemotingCommand.createRequest(RequestCode.UPDATE_AND_CREATE_TOPIC,
                    new CreateTopicRequestHeader(topic, topic, queues, queues,
                            TopicConfig.PERM_READ | TopicConfig.PERM_WRITE, TopicConfig.SINGLE_TAG, 0, false, encoded,
                            false));
            try {
                RemotingCommand answer = services.remoting().invokeBlocking(master, create,
                        services.requestTimeoutMillis());
                if (answer.code() != ResponseCode.SUCCESS) {
                    refusals.put(master, ResponseCode.describe(answer.code()) + ": " + answer.remark());
                }
            } catch (MqClientException e) {
                refusals.put(master, e.getMessage());
            }
        }
        return refusals;
    }

    private Optional<Map<String, String>> attributes(String address, String topic) {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.GET_TOPIC_CONFIG,
                new TopicRequestHeader(topic));
        try {
            RemotingCommand response = services.remoting().invokeBlocking(address, request,
                    services.requestTimeoutMillis());
            if (response.code() != ResponseCode.SUCCESS || response.body() == null) {
                return Optional.empty();
            }
            return Optional.of(RemotingJson.decode(response.body(), TopicConfig.class).attributes());
        } catch (MqClientException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
