package io.nimbusmq.client.internal.consumer;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.consumer.ConsumerGroupMembers;
import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.client.consumer.Subscription;
import io.nimbusmq.client.internal.ClientServices;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.BrokerData;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.Connection;
import io.nimbusmq.remoting.protocol.body.client.ConsumerConnection;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;
import io.nimbusmq.remoting.protocol.header.ConsumerGroupRequestHeader;

/**
 * Asks the master brokers of a topic (or, without a route, every master this client knows) for a consumer group's
 * live members and subscriptions (GET_CONSUMER_CONNECTION_LIST, 203) and merges their answers. A broker where the
 * group is not online answers CONSUMER_NOT_ONLINE, which adds nothing.
 */
public final class ConsumerGroupQuery {

    private final ClientServices services;

    public ConsumerGroupQuery(ClientServices services) {
        this.services = services;
    }

    /**
     * @return the group as the brokers see it; empty when no broker has a live member of it
     * @throws MqClientException when a broker answers anything but success or CONSUMER_NOT_ONLINE, or cannot be reached
     */
    public Optional<ConsumerGroupMembers> members(String group, String topic) {
        Set<String> addresses = new LinkedHashSet<>();
        services.routes().route(topic).ifPresent(route -> route.brokerDatas().stream()
                .map(BrokerData::masterAddr).flatMap(Optional::stream).forEach(addresses::add));
        if (addresses.isEmpty()) {
            addresses.addAll(services.routes().masterAddresses());
        }
        Set<String> clientIds = new LinkedHashSet<>();
        Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        MessageModel model = null;
        for (String address : addresses) {
            ConsumerConnection connection = ask(address, group);
            if (connection == null || connection.connectionSet().isEmpty()) {
                continue;
            }
            connection.connectionSet().stream().map(Connection::clientId).forEach(clientIds::add);
            connection.subscriptionTable().forEach((subscribed, data) ->
                    subscriptions.putIfAbsent(subscribed, subscription(subscribed, data)));
            model = model != null ? model : connection.messageModel();
        }
        if (clientIds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConsumerGroupMembers(group, clientIds, model, subscriptions));
    }

    private ConsumerConnection ask(String address, String group) {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.GET_CONSUMER_CONNECTION_LIST,
                new ConsumerGroupRequestHeader(group));
        RemotingCommand response = services.remoting().invokeBlocking(address, request,
                services.requestTimeoutMillis());
        if (response.code() == ResponseCode.CONSUMER_NOT_ONLINE) {
            return null;
        }
        if (response.code() != ResponseCode.SUCCESS || response.body() == null) {
            throw new MqClientException(response.code(), "broker " + address + " did not list the members of "
                    + group + ": " + response.remark());
        }
        return RemotingJson.decode(response.body(), ConsumerConnection.class);
    }

    private static Subscription subscription(String topic, SubscriptionData data) {
        SelectorType type = data.tagExpression() ? SelectorType.TAG : SelectorType.SQL92;
        String expression = data.subString();
        if (type == SelectorType.SQL92 && (expression == null || expression.isBlank())) {
            type = SelectorType.TAG; // nothing to filter with: it selects everything
        }
        return new Subscription(topic, type, expression);
    }
}
