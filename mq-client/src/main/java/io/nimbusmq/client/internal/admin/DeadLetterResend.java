package io.nimbusmq.client.internal.admin;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.nimbusmq.client.DeadLetterResent;
import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.internal.ClientServices;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.BrokerData;
import io.nimbusmq.remoting.protocol.header.ResendDeadLetterRequestHeader;
import io.nimbusmq.remoting.protocol.header.ResendDeadLetterResponseHeader;

/**
 * Sends a dead letter back to its original topic: Nimbus MQ's RESEND_DEAD_LETTER ({@value RequestCode#RESEND_DEAD_LETTER};
 * Apache RocketMQ's admin API has no such call). Asks the masters of {@code %DLQ%<group>} (every master this client
 * knows when that topic has no route yet) in turn; a broker that does not hold the message answers QUERY_NOT_FOUND and
 * the next one is asked.
 */
public final class DeadLetterResend {

    private final ClientServices services;

    public DeadLetterResend(ClientServices services) {
        this.services = services;
    }

    /** @throws MqClientException when no broker holds the message, or one refuses it for another reason */
    public DeadLetterResent resend(String group, String msgId) {
        String dlqTopic = SystemTopics.dlqTopic(group);
        Set<String> addresses = new LinkedHashSet<>();
        services.routes().route(dlqTopic).ifPresent(route -> route.brokerDatas().stream()
                .map(BrokerData::masterAddr).flatMap(Optional::stream).forEach(addresses::add));
        addresses.addAll(services.routes().masterAddresses());
        for (String address : addresses) {
            RemotingCommand response = services.remoting().invokeBlocking(address, RemotingCommand.createRequest(
                    RequestCode.RESEND_DEAD_LETTER, new ResendDeadLetterRequestHeader(group, msgId)),
                    services.requestTimeoutMillis());
            if (response.code() == ResponseCode.SUCCESS) {
                ResendDeadLetterResponseHeader header = ResendDeadLetterResponseHeader.readFrom(response);
                return new DeadLetterResent(address, header.msgId(), header.topic(), header.queueId(),
                        header.queueOffset());
            }
            if (response.code() != ResponseCode.QUERY_NOT_FOUND) {
                throw new MqClientException(response.code(), "broker " + address + " refused to resend " + msgId
                        + " of " + dlqTopic + ": " + response.remark());
            }
        }
        throw new MqClientException(ResponseCode.QUERY_NOT_FOUND, "no broker " + addresses + " holds " + msgId
                + " in " + dlqTopic);
    }
}
