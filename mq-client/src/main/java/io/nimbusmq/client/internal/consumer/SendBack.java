package io.nimbusmq.client.internal.consumer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.nimbusmq.client.Message;
import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.internal.ClientServices;
import io.nimbusmq.client.internal.producer.ClientProducer;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a failed message back for a later retry, as the official consumer does (remoting-protocol.md §4.5): first
 * CONSUMER_SEND_MSG_BACK (36) to the broker that stored it; if that fails, the client itself sends a copy to
 * {@code %RETRY%<group>} with RETRY_TOPIC, RECONSUME_TIME, MAX_RECONSUME_TIMES and DELAY = 3 + reconsume times, and the
 * broker dead-letters it once past the maximum.
 */
public final class SendBack {

    private static final Logger log = LoggerFactory.getLogger(SendBack.class);

    private final ClientServices services;
    private final String group;
    private final Supplier<ClientProducer> innerProducer;

    public SendBack(ClientServices services, String group, Supplier<ClientProducer> innerProducer) {
        this.services = services;
        this.group = group;
        this.innerProducer = innerProducer;
    }

    /**
     * Sends back for a delayed retry; false when both ways failed (the caller retries locally).
     *
     * @param delayLevel the retry's delay level, or 0 for the broker's choice (3 + reconsume times)
     */
    public boolean sendBack(ReceivedMessage message, int maxReconsumeTimes, int delayLevel) {
        if (consumerSendMsgBack(message, maxReconsumeTimes, delayLevel)) {
            return true;
        }
        return resendToRetryTopic(message, message.reconsumeTimes() + 1, maxReconsumeTimes,
                delayLevel > 0 ? delayLevel : 3 + message.reconsumeTimes());
    }

    /**
     * Dead-letters a message an orderly consumer gave up on: CONSUMER_SEND_MSG_BACK with delay level -1, which every
     * broker stores in {@code %DLQ%<group>}; if that fails, the official orderly client's way, a copy to the retry
     * topic that a broker holding the group's orderly locks diverts to the DLQ.
     */
    public boolean deadLetter(ReceivedMessage message, int maxReconsumeTimes) {
        if (consumerSendMsgBack(message, maxReconsumeTimes, -1)) {
            return true;
        }
        return resendToRetryTopic(message, message.reconsumeTimes(), maxReconsumeTimes, 3 + message.reconsumeTimes());
    }

    /**
     * Dead-letters a message a concurrent consumer's handler gave up on before its retries ran out (not retryable):
     * CONSUMER_SEND_MSG_BACK with delay level -1, which every broker stores in {@code %DLQ%<group>}; if that fails, a
     * copy to the retry topic whose reconsume count is past its maximum, which every broker diverts to the DLQ.
     */
    public boolean deadLetterNow(ReceivedMessage message, int maxReconsumeTimes) {
        if (consumerSendMsgBack(message, maxReconsumeTimes, -1)) {
            return true;
        }
        int max = Math.min(maxReconsumeTimes, message.reconsumeTimes());
        return resendToRetryTopic(message, max + 1, max, 3 + message.reconsumeTimes());
    }

    private boolean consumerSendMsgBack(ReceivedMessage message, int maxReconsumeTimes, int delayLevel) {
        try {
            String address = services.routes().masterAddress(message.brokerName()).orElse(message.storeHost());
            RemotingCommand request = RemotingCommand.createRequest(RequestCode.CONSUMER_SEND_MSG_BACK,
                    new ConsumerSendMsgBackRequestHeader(message.commitLogOffset(), group, delayLevel, message.msgId(),
                            message.topic(), false, maxReconsumeTimes, message.brokerName()));
            RemotingCommand response = services.remoting().invokeBlocking(address, request,
                    services.requestTimeoutMillis());
            if (response.code() == ResponseCode.SUCCESS) {
                return true;
            }
            log.debug("CONSUMER_SEND_MSG_BACK of {} answered {} {}; sending to the retry topic myself",
                    message.msgId(), ResponseCode.describe(response.code()), response.remark());
        } catch (MqClientException e) {
            log.debug("CONSUMER_SEND_MSG_BACK of {} failed ({}); sending to the retry topic myself", message.msgId(),
                    e.getMessage());
        }
        return false;
    }

    /**
     * Sends a copy to {@code %RETRY%<group>} through the client's inner producer.
     *
     * @param reconsumeTimes the copy's reconsume count (the broker dead-letters it when past {@code max})
     */
    public boolean resendToRetryTopic(ReceivedMessage message, int reconsumeTimes, int maxReconsumeTimes,
            int delayLevel) {
        Map<String, String> properties = new LinkedHashMap<>(message.properties());
        properties.putIfAbsent(MessageConst.RETRY_TOPIC, message.topic());
        properties.putIfAbsent(MessageConst.ORIGIN_MESSAGE_ID, message.msgId());
        properties.put(MessageConst.DELAY, Integer.toString(Math.min(18, delayLevel)));
        properties.remove(MessageConst.RECONSUME_TIME);
        properties.remove(MessageConst.MAX_RECONSUME_TIMES);
        properties.remove(MessageConst.TRAN_MSG);
        properties.putIfAbsent(MessageConst.UNIQ_KEY, message.msgId());
        try {
            innerProducer.get().sendPrepared(SystemTopics.retryTopic(group), new Message(
                    SystemTopics.retryTopic(group), message.body()).flag(message.flag()), properties,
                    reconsumeTimes, maxReconsumeTimes);
            return true;
        } catch (MqClientException | IllegalArgumentException e) {
            log.warn("Could not send {} to the retry topic of {}: {}", message.msgId(), group, e.getMessage());
            return false;
        }
    }
}
