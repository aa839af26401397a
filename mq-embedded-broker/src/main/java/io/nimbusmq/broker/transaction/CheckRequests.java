package io.nimbusmq.broker.transaction;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageIds;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.header.CheckTransactionStateRequestHeader;

/**
 * CHECK_TRANSACTION_STATE (39), broker to producer, oneway, as RocketMQ's {@code sendCheckMessage} builds it for a
 * check copy of a half message:
 *
 * <ul>
 * <li>header {@code topic} (the half topic), {@code tranStateTableOffset} and {@code commitLogOffset} (the copy's
 * queue and commit log offsets, which the producer echoes in its END_TRANSACTION), {@code offsetMsgId} (the copy's),
 * {@code msgId} and {@code transactionId} (both UNIQ_KEY) and {@code bname};</li>
 * <li>body: the copy as a stored record (remoting-protocol.md §5.1) with the real topic and queue id restored, so
 * that {@code checkLocalTransaction} sees the message the application sent, plus {@code TRANSACTION_CHECK_TIMES}.</li>
 * </ul>
 * The client picks the producer by the body's {@code PGROUP}.
 */
final class CheckRequests {

    private CheckRequests() {
    }

    static RemotingCommand build(StoredMessage copy, InetSocketAddress storeHost, String brokerName) {
        String uniqueKey = copy.property(MessageConst.UNIQ_KEY);
        return RemotingCommand.createRequest(RequestCode.CHECK_TRANSACTION_STATE,
                new CheckTransactionStateRequestHeader(copy.topic(), copy.queueOffset(), copy.physicalOffset(),
                        uniqueKey, uniqueKey, MessageIds.offsetMessageId(storeHost, copy.physicalOffset()),
                        brokerName))
                .setBody(body(copy));
    }

    /** The copy re-encoded under its real topic and queue id, with its stored offsets and timestamps. */
    static byte[] body(StoredMessage copy) {
        MessageInput message = new MessageInput(HalfMessages.realTopic(copy), HalfMessages.realQueueId(copy),
                copy.flag(), copy.body(), copy.properties(), copy.sysFlag(), copy.bornTimestamp(), copy.bornHost(),
                copy.storeHost(), copy.reconsumeTimes(), copy.preparedTransactionOffset());
        byte[] topic = message.topic().getBytes(StandardCharsets.UTF_8);
        byte[] properties = message.properties().getBytes(StandardCharsets.UTF_8);
        int sysFlag = MessageCodec.effectiveSysFlag(message);
        ByteBuffer buffer = ByteBuffer.allocate(MessageCodec.recordSize(sysFlag, message.body().length, topic.length,
                properties.length));
        MessageCodec.encode(message, topic, properties, sysFlag, buffer);
        MessageCodec.patchAppendFields(buffer, 0, copy.queueOffset(), copy.physicalOffset(), copy.storeTimestamp());
        return buffer.array();
    }
}
