package io.nimbusmq.broker.processor;

import java.net.InetSocketAddress;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.remoting.protocol.header.SendMessageRequestHeader;

/**
 * Splits a SEND_BATCH_MESSAGE body into messages. Each member is laid out as
 * {@code TOTALSIZE i32 · MAGIC i32 · BODYCRC i32 · FLAG i32 · BODYLEN i32 + body · PROPLEN i16 + properties}.
 * A member's stored properties are its own (it keeps its own UNIQ_KEY, so consumers see the ids the producer
 * reported) followed by the batch header's other properties.
 */
final class BatchMessageDecoder {

    /** Where the batch came from and went to. */
    record Hosts(InetSocketAddress bornHost, InetSocketAddress storeHost, String clusterName) {
    }

    private BatchMessageDecoder() {
    }

    static List<MessageInput> decode(byte[] body, SendMessageRequestHeader header, int queueId, Hosts hosts) {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("batch body is empty");
        }
        Map<String, String> shared = MessageProperties.decode(header.properties());
        shared.remove(MessageConst.UNIQ_KEY);
        shared.put(MessageConst.CLUSTER, hosts.clusterName());
        String batchProperties = MessageProperties.encode(shared);
        ByteBuffer buf = ByteBuffer.wrap(body);
        List<MessageInput> messages = new ArrayList<>();
        try {
            while (buf.hasRemaining()) {
                int start = buf.position();
                int totalSize = buf.getInt();
                buf.getInt();
                buf.getInt();
                int flag = buf.getInt();
                byte[] messageBody = new byte[buf.getInt()];
                buf.get(messageBody);
                byte[] properties = new byte[buf.getShort()];
                buf.get(properties);
                if (totalSize != buf.position() - start) {
                    throw new IllegalArgumentException("batch member at byte " + start + " declares " + totalSize
                            + " bytes but holds " + (buf.position() - start));
                }
                String own = new String(properties, StandardCharsets.UTF_8);
                messages.add(new MessageInput(header.topic(), queueId, flag, messageBody,
                        SendMessageProcessor.completeProperties(own, batchProperties), header.sysFlag(), header.bornTimestamp(), hosts.bornHost(),
                        hosts.storeHost(), header.reconsumeTimes(), 0));
            }
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("truncated batch body at message " + messages.size());
        }
        return messages;
    }
}
