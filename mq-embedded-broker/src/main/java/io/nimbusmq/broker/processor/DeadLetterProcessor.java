package io.nimbusmq.broker.processor;

import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.nimbusmq.broker.retry.RetryMessages;
import io.nimbusmq.broker.topic.TopicConfigTable;
import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageIds;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.header.ResendDeadLetterRequestHeader;
import io.nimbusmq.remoting.protocol.header.ResendDeadLetterResponseHeader;
import io.nimbusmq.store.MessageStore;
import io.nimbusmq.store.PutMessageStatus;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.read.QueryMessageResult;

/**
 * RESEND_DEAD_LETTER ({@value RequestCode#RESEND_DEAD_LETTER}, Nimbus MQ's own admin code; Apache RocketMQ's admin API
 * has no call that sends a dead letter back to its topic): finds a message of {@code %DLQ%<group>} by {@code msgId}
 * (its UNIQ_KEY, as consumers and {@code queryMessage} show it, or its offsetMsgId) and stores it again in its
 * original topic (RETRY_TOPIC) on a random writable queue, as a fresh message with reconsume times 0 and the same
 * UNIQ_KEY. Header and response header: {@code ResendDeadLetterRequestHeader}, {@code ResendDeadLetterResponseHeader}.
 * Our client sends it with {@code MqClient.resendDeadLetter(group, msgId)}.
 */
public final class DeadLetterProcessor implements RequestProcessor {

    private static final int MAX_MATCHES = 32;

    private final MessageStore store;
    private final TopicConfigTable topics;
    private final Supplier<InetSocketAddress> storeHost;

    public DeadLetterProcessor(MessageStore store, TopicConfigTable topics, Supplier<InetSocketAddress> storeHost) {
        this.store = store;
        this.topics = topics;
        this.storeHost = storeHost;
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        ResendDeadLetterRequestHeader header = ResendDeadLetterRequestHeader.readFrom(request);
        String group = header.group();
        String msgId = header.msgId();
        String dlqTopic = SystemTopics.dlqTopic(group);
        StoredMessage deadLetter = find(dlqTopic, msgId);
        if (deadLetter == null) {
            return RemotingCommand.createResponse(request, ResponseCode.QUERY_NOT_FOUND,
                    "no message " + msgId + " in " + dlqTopic);
        }
        String original = RetryMessages.originalTopic(deadLetter);
        TopicConfig topic = original == null ? null : topics.find(original);
        if (topic == null || !topic.isWritable()) {
            return RemotingCommand.createResponse(request, ResponseCode.TOPIC_NOT_EXIST, "the original topic["
                    + original + "] of " + msgId + " does not exist or is not writable");
        }
        int queueId = ThreadLocalRandom.current().nextInt(Math.max(1, topic.writeQueueNums()));
        RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, null);
        store.putMessage(RetryMessages.resendCopy(deadLetter, original, queueId, storeHost.get()))
                .whenComplete((result, error) -> {
                    if (error == null && (result.isOk() || result.status() == PutMessageStatus.FLUSH_DISK_TIMEOUT)) {
                        response.setCode(ResponseCode.SUCCESS).writeHeader(new ResendDeadLetterResponseHeader(
                                MessageIds.offsetMessageId(storeHost.get(), result.append().physicalOffset()),
                                original, queueId, result.append().queueOffset()));
                    } else {
                        response.setRemark(error != null ? String.valueOf(error)
                                : result.status() + ": " + result.remark());
                    }
                    context.writeResponse(response);
                });
        return null;
    }

    /** The newest copy in the DLQ with this UNIQ_KEY, else the message at this offsetMsgId if it is in the DLQ. */
    private StoredMessage find(String dlqTopic, String msgId) {
        try (QueryMessageResult byKey = store.queryByUniqueKey(dlqTopic, msgId, MAX_MATCHES, 0, Long.MAX_VALUE)) {
            for (MappedSlice slice : byKey.messages()) {
                StoredMessage message = MessageCodec.decode(slice.buffer().duplicate().position(0));
                if (message.topic().equals(dlqTopic)) {
                    return message;
                }
            }
        }
        long offset = RetryMessages.physicalOffsetOf(msgId);
        StoredMessage byOffset = offset < 0 ? null : store.lookMessage(offset);
        return byOffset != null && byOffset.topic().equals(dlqTopic) ? byOffset : null;
    }
}
