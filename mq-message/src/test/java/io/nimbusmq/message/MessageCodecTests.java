package io.nimbusmq.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageCodecTests {

    private static final byte[] TOPIC = "TopicTest".getBytes(StandardCharsets.UTF_8);

    private static MessageInput hello(InetSocketAddress born, InetSocketAddress store) {
        return MessageInput.builder("TopicTest", 3, "hello".getBytes(StandardCharsets.UTF_8))
                .flag(7)
                .properties(MessageProperties.encode(Map.of("TAGS", "TagA")))
                .bornTimestamp(1_700_000_000_000L)
                .bornHost(born)
                .storeHost(store)
                .reconsumeTimes(2)
                .preparedTransactionOffset(99)
                .build();
    }

    private static ByteBuffer encode(MessageInput m, long queueOffset, long physicalOffset, long storeTime) {
        byte[] props = m.properties().getBytes(StandardCharsets.UTF_8);
        int sysFlag = MessageCodec.effectiveSysFlag(m);
        ByteBuffer buf = ByteBuffer.allocate(MessageCodec.recordSize(sysFlag, m.body().length, TOPIC.length,
                props.length));
        MessageCodec.encode(m, TOPIC, props, sysFlag, buf);
        buf.flip();
        MessageCodec.patchAppendFields(buf, 0, queueOffset, physicalOffset, storeTime);
        return buf;
    }

    @Test
    void fixedPartIs84BytesForIpv4AndFieldsSitWhereRocketMqPutsThem() {
        ByteBuffer buf = encode(hello(new InetSocketAddress("127.0.0.1", 42766),
                new InetSocketAddress("127.0.0.1", 20911)), 0, 0, 1_700_000_000_051L);
        int propsLength = MessageProperties.encode(Map.of("TAGS", "TagA")).length();
        assertThat(buf.limit()).isEqualTo(84 + 4 + 5 + 1 + 9 + 2 + propsLength);
        assertThat(buf.getInt(0)).isEqualTo(buf.limit());
        assertThat(buf.getInt(4)).isEqualTo(0xDAA320A7);
        assertThat(buf.getInt(8)).isEqualTo(MessageCodec.bodyCrc("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(buf.getInt(12)).isEqualTo(3);
        assertThat(buf.getInt(16)).isEqualTo(7);
        assertThat(buf.getLong(56)).isEqualTo(1_700_000_000_051L);
        // born host 127.0.0.1:42766 at byte 48, store host 127.0.0.1:20911 at byte 64
        assertThat(buf.getInt(48)).isEqualTo(0x7f000001);
        assertThat(buf.getInt(52)).isEqualTo(42766);
        assertThat(buf.getInt(64)).isEqualTo(0x7f000001);
        assertThat(buf.getInt(68)).isEqualTo(20911);
    }

    @Test
    void bodyCrcMatchesTheGoldenRecordOfTheProtocolDocument() {
        // golden record (remoting-protocol.md 5.1): body "hello" has BODYCRC 0x3610a686
        assertThat(MessageCodec.bodyCrc("hello".getBytes(StandardCharsets.UTF_8))).isEqualTo(0x3610a686);
    }

    @Test
    void decodeRoundTripsEveryField() {
        MessageInput input = hello(new InetSocketAddress("10.1.2.3", 1234), new InetSocketAddress("127.0.0.1", 9));
        StoredMessage m = MessageCodec.decode(encode(input, 17, 4096, 1_700_000_000_999L));
        assertThat(m.topic()).isEqualTo("TopicTest");
        assertThat(m.queueId()).isEqualTo(3);
        assertThat(m.flag()).isEqualTo(7);
        assertThat(m.queueOffset()).isEqualTo(17);
        assertThat(m.physicalOffset()).isEqualTo(4096);
        assertThat(m.bornTimestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(m.storeTimestamp()).isEqualTo(1_700_000_000_999L);
        assertThat(m.bornHost()).isEqualTo(new InetSocketAddress("10.1.2.3", 1234));
        assertThat(m.reconsumeTimes()).isEqualTo(2);
        assertThat(m.preparedTransactionOffset()).isEqualTo(99);
        assertThat(m.body()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(m.property("TAGS")).isEqualTo("TagA");
    }

    @Test
    void ipv6HostsSetTheirSysFlagBitsAndWidenTheRecord() {
        MessageInput input = hello(new InetSocketAddress("::1", 1), new InetSocketAddress("fe80::2", 2));
        ByteBuffer buf = encode(input, 0, 0, 5);
        int sysFlag = buf.getInt(MessageCodec.SYS_FLAG_POSITION);
        assertThat(sysFlag & MessageSysFlag.BORN_HOST_V6).isNotZero();
        assertThat(sysFlag & MessageSysFlag.STORE_HOST_V6).isNotZero();
        StoredMessage m = MessageCodec.decode(buf);
        assertThat(m.storeHost()).isEqualTo(new InetSocketAddress("fe80::2", 2));
        assertThat(m.storeTimestamp()).isEqualTo(5);
        assertThat(MessageCodec.check(buf, 0, buf.limit(), 0).kind()).isEqualTo(RecordCheck.Kind.MESSAGE);
    }

    @Test
    void checkAcceptsAValidRecordAndReadsItsMeta() {
        ByteBuffer buf = encode(hello(new InetSocketAddress("127.0.0.1", 1), new InetSocketAddress("127.0.0.1", 2)),
                5, 1000, 77);
        RecordCheck check = MessageCodec.check(buf, 0, buf.limit(), 1000);
        assertThat(check.kind()).isEqualTo(RecordCheck.Kind.MESSAGE);
        assertThat(check.sizeBytes()).isEqualTo(buf.limit());
        MessageMeta meta = MessageCodec.decodeMeta(buf, 0);
        assertThat(meta.topic()).isEqualTo("TopicTest");
        assertThat(meta.queueOffset()).isEqualTo(5);
        assertThat(meta.storeTimestamp()).isEqualTo(77);
    }

    @Test
    void checkRejectsEveryKindOfDamage() {
        ByteBuffer good = encode(hello(new InetSocketAddress("127.0.0.1", 1), new InetSocketAddress("127.0.0.1", 2)),
                0, 64, 1);
        assertThat(MessageCodec.check(good, 0, good.limit(), 65).kind()).isEqualTo(RecordCheck.Kind.CORRUPT);
        assertThat(MessageCodec.check(good, 0, good.limit() - 1, 64).kind()).isEqualTo(RecordCheck.Kind.CORRUPT);

        ByteBuffer badCrc = copy(good);
        int bodyPos = badCrc.limit() - 2 - MessageProperties.encode(Map.of("TAGS", "TagA")).length() - 10 - 5;
        badCrc.put(bodyPos, (byte) (badCrc.get(bodyPos) ^ 1));
        assertThat(MessageCodec.check(badCrc, 0, badCrc.limit(), 64).reason()).contains("CRC");

        ByteBuffer badMagic = copy(good);
        badMagic.putInt(4, 0x12345678);
        assertThat(MessageCodec.check(badMagic, 0, badMagic.limit(), 64).reason()).contains("magic");

        ByteBuffer badSize = copy(good);
        badSize.putInt(0, good.limit() - 3);
        assertThat(MessageCodec.check(badSize, 0, badSize.limit(), 64).kind()).isEqualTo(RecordCheck.Kind.CORRUPT);
    }

    @Test
    void zerosAreTheEndAndABlankRecordMustCloseTheSegment() {
        ByteBuffer zeros = ByteBuffer.allocate(64);
        assertThat(MessageCodec.check(zeros, 0, 64, 0).kind()).isEqualTo(RecordCheck.Kind.END);
        ByteBuffer blank = ByteBuffer.allocate(64);
        blank.position(40);
        MessageCodec.encodeBlank(blank, 24);
        assertThat(MessageCodec.check(blank, 40, 64, 40).kind()).isEqualTo(RecordCheck.Kind.BLANK);
        assertThat(MessageCodec.check(blank, 40, 63, 40).kind()).isEqualTo(RecordCheck.Kind.CORRUPT);
    }

    private static ByteBuffer copy(ByteBuffer source) {
        ByteBuffer copy = ByteBuffer.allocate(source.limit());
        copy.put(source.duplicate().clear());
        return copy.flip();
    }
}
