package io.nimbusmq.client.internal.message;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageIds;
import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.message.SystemTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes stored records (pull bodies, a check-back body) into {@link ReceivedMessage}s with the store's codec:
 * bodies inflated when compressed, msgId = UNIQ_KEY (else the offsetMsgId), and a retry copy shown under its original
 * topic (RETRY_TOPIC), as the official consumer shows it.
 */
public final class PulledMessages {

    private static final Logger log = LoggerFactory.getLogger(PulledMessages.class);
    private static final int MIN_RECORD_BYTES = 84;

    private PulledMessages() {
    }

    /** Every record of {@code body}; decoding stops quietly at a truncated or foreign tail, as the official one. */
    public static List<ReceivedMessage> decodeAll(byte[] body, String brokerName) {
        List<ReceivedMessage> messages = new ArrayList<>();
        if (body == null) {
            return messages;
        }
        ByteBuffer buf = ByteBuffer.wrap(body);
        while (buf.remaining() >= MIN_RECORD_BYTES) {
            int position = buf.position();
            int size = buf.getInt(position);
            int magic = buf.getInt(position + 4);
            if (size < MIN_RECORD_BYTES || size > buf.remaining()
                    || magic != MessageCodec.MAGIC_V1 && magic != MessageCodec.MAGIC_V2) {
                log.warn("Stopped decoding pulled messages at a bad record of {} bytes", size);
                break;
            }
            ByteBuffer record = buf.slice(position, size);
            messages.add(toReceived(MessageCodec.decode(record), brokerName));
            buf.position(position + size);
        }
        return messages;
    }

    public static ReceivedMessage toReceived(StoredMessage stored, String brokerName) {
        Map<String, String> properties = stored.propertyMap();
        String offsetMsgId = MessageIds.offsetMessageId(stored.storeHost(), stored.physicalOffset());
        String uniqueKey = properties.get(MessageConst.UNIQ_KEY);
        String topic = stored.topic();
        String retryTopic = properties.get(MessageConst.RETRY_TOPIC);
        if (retryTopic != null && SystemTopics.isRetryTopic(topic)) {
            topic = retryTopic;
        }
        byte[] body = stored.body();
        if ((stored.sysFlag() & MessageSysFlag.COMPRESSED) != 0) {
            body = inflate(body, stored.sysFlag());
        }
        return new ReceivedMessage(topic, brokerName, stored.queueId(), stored.queueOffset(), stored.physicalOffset(),
                uniqueKey != null ? uniqueKey : offsetMsgId, offsetMsgId, stored.flag(), stored.sysFlag(),
                stored.reconsumeTimes(), stored.bornTimestamp(), hostString(stored.bornHost()),
                stored.storeTimestamp(), hostString(stored.storeHost()), properties, body);
    }

    /** {@code ip:port} of a decoded host. */
    public static String hostString(InetSocketAddress address) {
        if (address == null) {
            return "";
        }
        return (address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString())
                + ":" + address.getPort();
    }

    /** Inflates a zlib body; LZ4 and ZSTD (codec 1, 2) are not supported and are returned as they are. */
    public static byte[] inflate(byte[] body, int sysFlag) {
        int codec = (sysFlag >> 8) & 0x7;
        if (codec == 1 || codec == 2) {
            log.warn("Message body compressed with codec {} (LZ4/ZSTD) is handed over compressed", codec);
            return body;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            log.warn("Could not inflate a compressed message body: {}", e.getMessage());
            return body;
        } finally {
            inflater.end();
        }
    }
}
