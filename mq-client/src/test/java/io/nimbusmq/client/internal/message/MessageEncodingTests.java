package io.nimbusmq.client.internal.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nimbusmq.client.Message;
import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageInput;
import io.nimbusmq.message.MessageProperties;
import org.junit.jupiter.api.Test;

class MessageEncodingTests {

    @Test
    void wirePropertiesAddAUniqueKeyInTheOfficialFormatAndWait() {
        Map<String, String> properties = OutgoingMessages.wireProperties(new Message("T", new byte[1]).tags("a"));
        assertThat(properties).containsEntry("TAGS", "a").containsEntry("WAIT", "true");
        assertThat(properties.get("UNIQ_KEY")).matches("[0-9A-F]{32}");
    }

    @Test
    void bodiesAboveTheThresholdAreZlibCompressedWithTheOfficialFlags() {
        byte[] body = "z".repeat(5_000).getBytes(StandardCharsets.UTF_8);
        OutgoingMessages.Body small = OutgoingMessages.body(new byte[100], 4096);
        OutgoingMessages.Body large = OutgoingMessages.body(body, 4096);

        assertThat(small.sysFlag()).isZero();
        assertThat(large.sysFlag()).isEqualTo(769);
        assertThat(PulledMessages.inflate(large.bytes(), large.sysFlag())).isEqualTo(body);
    }

    @Test
    void theBatchBodyLaysOutEachMessage() {
        Map<String, String> props = new LinkedHashMap<>(Map.of("UNIQ_KEY", "K"));
        byte[] batch = OutgoingMessages.batchBody(List.of(new Message("T", new byte[] {1, 2}).flag(7)),
                List.of(props));
        ByteBuffer buf = ByteBuffer.wrap(batch);
        int propertiesLength = MessageProperties.encode(props).length();
        assertThat(buf.getInt()).isEqualTo(batch.length).isEqualTo(20 + 2 + 2 + propertiesLength);
        assertThat(buf.getInt()).isZero();
        assertThat(buf.getInt()).isZero();
        assertThat(buf.getInt()).isEqualTo(7);
        assertThat(buf.getInt()).isEqualTo(2);
    }

    @Test
    void pulledRecordsDecodeWithMsgIdsAndTheOriginalTopicOfARetry() {
        ByteBuffer out = ByteBuffer.allocate(1024);
        InetSocketAddress host = new InetSocketAddress("127.0.0.1", 10911);
        String properties = MessageProperties.encode(Map.of("UNIQ_KEY", "ABC", "RETRY_TOPIC", "orders"));
        MessageInput input = MessageInput.builder("%RETRY%g", 0, "hi".getBytes(StandardCharsets.UTF_8))
                .properties(properties).bornHost(host).storeHost(host).reconsumeTimes(1).build();
        byte[] topic = input.topic().getBytes(StandardCharsets.UTF_8);
        byte[] props = properties.getBytes(StandardCharsets.UTF_8);
        int size = MessageCodec.encode(input, topic, props, MessageCodec.effectiveSysFlag(input), out);
        MessageCodec.patchAppendFields(out, 0, 3, 1234, System.currentTimeMillis());
        byte[] record = new byte[size];
        out.get(0, record);

        List<ReceivedMessage> decoded = PulledMessages.decodeAll(record, "broker-a");

        assertThat(decoded).hasSize(1);
        ReceivedMessage message = decoded.get(0);
        assertThat(message.topic()).isEqualTo("orders");
        assertThat(message.msgId()).isEqualTo("ABC");
        assertThat(message.offsetMsgId()).isEqualTo("7F00000100002A9F00000000000004D2");
        assertThat(message.queueOffset()).isEqualTo(3);
        assertThat(message.reconsumeTimes()).isEqualTo(1);
        assertThat(message.brokerName()).isEqualTo("broker-a");
    }
}
