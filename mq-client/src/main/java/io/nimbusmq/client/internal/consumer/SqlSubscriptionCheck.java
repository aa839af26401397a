package io.nimbusmq.client.internal.consumer;

import java.util.Collection;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.internal.ClientServices;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.CheckClientConfigBody;
import io.nimbusmq.remoting.protocol.body.client.SubscriptionData;

/**
 * CHECK_CLIENT_CONFIG (46) for each SQL92 subscription, to every master of its topic, before the consumer starts:
 * a broker with the property filter off or a bad expression makes {@code start()} fail, as with the official client.
 */
final class SqlSubscriptionCheck {

    private final ClientServices services;
    private final String group;

    SqlSubscriptionCheck(ClientServices services, String group) {
        this.services = services;
        this.group = group;
    }

    void check(Collection<SubscriptionData> subscriptions) {
        for (SubscriptionData subscription : subscriptions) {
            if (subscription.tagExpression()) {
                continue;
            }
            services.routes().route(subscription.topic()).ifPresent(route -> route.brokerDatas().forEach(broker ->
                    broker.masterAddr().ifPresent(address -> checkOn(address, subscription))));
        }
    }

    private void checkOn(String address, SubscriptionData subscription) {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.CHECK_CLIENT_CONFIG)
                .setBody(RemotingJson.encode(new CheckClientConfigBody(services.clientId(), group, subscription)));
        RemotingCommand response = services.remoting().invokeBlocking(address, request,
                services.requestTimeoutMillis());
        if (response.code() != ResponseCode.SUCCESS) {
            throw new MqClientException(response.code(), "broker " + address + " refuses the SQL92 subscription "
                    + subscription.subString() + " of " + group + ": " + response.remark());
        }
    }
}
