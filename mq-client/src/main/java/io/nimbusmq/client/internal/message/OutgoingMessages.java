package io.nimbusmq.client.internal.message;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;

import io.nimbusmq.client.Message;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageIds;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.message.MessageSysFlag;

/**
 * What goes on the wire for a send: the property map (UNIQ_KEY and WAIT added as the official client adds them), the
 * body compressed above the threshold, and the batch body of SEND_BATCH_MESSAGE (remoting-protocol.md §5.3).
 */
public final class OutgoingMessages {

    /** sysFlag bits 8-10: the compression codec; the 5.3.1 client writes ZLIB as 3 (remoting-protocol.md §5.2). */
    public static final int ZLIB_CODEC_FLAG = 3 << 8;
    private static final int ZLIB_LEVEL = 5;

    private OutgoingMessages() {
    }

    /** The message's properties plus a fresh UNIQ_KEY (unless set) and WAIT=true (unless set). */
    public static Map<String, String> wireProperties(Message message) {
        Map<String, String> properties = new LinkedHashMap<>(message.properties());
        properties.putIfAbsent(MessageConst.WAIT, "true");
        properties.putIfAbsent(MessageConst.UNIQ_KEY, MessageIds.newUniqueId());
        return properties;
    }

    /** A new unique id in the official format (remoting-protocol.md §5.4). */
    public static String newUniqueId() {
        return MessageIds.newUniqueId();
    }

    /** The body and its sysFlag: zlib at level 5 with flag {@code 0x1 | 0x300} when longer than the threshold. */
    public static Body body(byte[] body, int compressThreshold) {
        if (body.length > compressThreshold) {
            byte[] compressed = deflate(body);
            if (compressed.length < body.length) {
                return new Body(compressed, MessageSysFlag.COMPRESSED | ZLIB_CODEC_FLAG);
            }
        }
        return new Body(body, 0);
    }

    /** The wire body and the sysFlag bits it implies. */
    public record Body(byte[] bytes, int sysFlag) {
    }

    /**
     * The SEND_BATCH_MESSAGE body: per message TOTALSIZE, MAGIC 0, BODYCRC 0, FLAG, BODYLEN + body, PROPLEN (i16) +
     * properties, end to end.
     */
    public static byte[] batchBody(Collection<Message> messages, Collection<Map<String, String>> properties) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var props = properties.iterator();
        for (Message message : messages) {
            byte[] propertyBytes = MessageProperties.encode(props.next()).getBytes(StandardCharsets.UTF_8);
            int size = 4 + 4 + 4 + 4 + 4 + message.body().length + 2 + propertyBytes.length;
            ByteBuffer buf = ByteBuffer.allocate(size);
            buf.putInt(size).putInt(0).putInt(0).putInt(message.flag()).putInt(message.body().length)
                    .put(message.body()).putShort((short) propertyBytes.length).put(propertyBytes);
            out.writeBytes(buf.array());
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] body) {
        Deflater deflater = new Deflater(ZLIB_LEVEL);
        try {
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 64);
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
