package io.nimbusmq.remoting.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemotingCommandCodecTests {

    private static RemotingCommand getMaxOffset(SerializeType type) {
        return new RemotingCommand()
                .setCode(RequestCode.GET_MAX_OFFSET)
                .setOpaque(7)
                .putExtField("topic", "T")
                .setSerializeType(type);
    }

    /** A frame (without length prefix) of the given type word and header bytes, then {@code body}. */
    private static ByteBuf frame(int type, byte[] header, byte[] body) {
        ByteBuf frame = Unpooled.buffer();
        frame.writeInt(type << 24 | header.length);
        frame.writeBytes(header);
        frame.writeBytes(body);
        return frame;
    }

    private static RemotingCommand decodeJson(String header) {
        return RemotingCommandCodec.decode(frame(0, header.getBytes(StandardCharsets.UTF_8), new byte[0]));
    }

    private static String headerText(byte[] frame) {
        int headerLength = ((frame[5] & 0xFF) << 16) | ((frame[6] & 0xFF) << 8) | (frame[7] & 0xFF);
        return new String(frame, 8, headerLength, StandardCharsets.UTF_8);
    }

    @Nested
    class GoldenBytes {

        @Test
        void rocketMqGoldenVectorIsEncodedByteExactly() {
            byte[] golden = GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_ROCKETMQ);

            assertThat(RemotingCommandCodec.encodeToBytes(getMaxOffset(SerializeType.ROCKETMQ))).isEqualTo(golden);
        }

        @Test
        void rocketMqGoldenVectorDecodesAndReencodesByteExactly() {
            byte[] golden = GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_ROCKETMQ);

            RemotingCommand command = RemotingCommandCodec.decodeFrame(golden);

            assertThat(command.code()).isEqualTo(30);
            assertThat(command.language()).isEqualTo(LanguageCode.JAVA);
            assertThat(command.version()).isEqualTo(RemotingVersion.V5_3_1);
            assertThat(command.opaque()).isEqualTo(7);
            assertThat(command.flag()).isZero();
            assertThat(command.remark()).isNull();
            assertThat(command.extFields()).containsExactly(Map.entry("topic", "T"));
            assertThat(command.body()).isNull();
            assertThat(command.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
            assertThat(RemotingCommandCodec.encodeToBytes(command)).isEqualTo(golden);
        }

        @Test
        void jsonGoldenVectorIsEncodedByteExactly() {
            byte[] golden = GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_JSON);
            RemotingCommand command = getMaxOffset(SerializeType.JSON).setBody(new byte[] {1, 2});

            byte[] encoded = RemotingCommandCodec.encodeToBytes(command);

            assertThat(headerText(encoded)).isEqualTo("{\"code\":30,\"extFields\":{\"topic\":\"T\"},\"flag\":0,"
                    + "\"language\":\"JAVA\",\"opaque\":7,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":475}");
            assertThat(encoded).isEqualTo(golden);
        }

        @Test
        void jsonGoldenVectorDecodesAndReencodesByteExactly() {
            byte[] golden = GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_JSON);

            RemotingCommand command = RemotingCommandCodec.decodeFrame(golden);

            assertThat(command.code()).isEqualTo(30);
            assertThat(command.opaque()).isEqualTo(7);
            assertThat(command.version()).isEqualTo(475);
            assertThat(command.extFields()).containsExactly(Map.entry("topic", "T"));
            assertThat(command.body()).containsExactly(1, 2);
            assertThat(command.serializeType()).isEqualTo(SerializeType.JSON);
            assertThat(RemotingCommandCodec.encodeToBytes(command)).isEqualTo(golden);
        }
    }

    @Nested
    class RoundTrips {

        private RemotingCommand richCommand(SerializeType type) {
            return new RemotingCommand()
                    .setCode(RequestCode.SEND_MESSAGE_V2)
                    .setLanguage(LanguageCode.GO)
                    .setVersion(401)
                    .setOpaque(-123456)
                    .setFlag(RemotingCommand.ONEWAY_FLAG)
                    .setRemark("größe \"quoted\" \\ / \n\t ok")
                    .putExtField("a", "pg")
                    .putExtField("b", "TopicTest")
                    .putExtField("i", "KEYS\u0001k1 k2\u0002TAGS\u0001tagA\u0002")
                    .putExtField("empty", "")
                    .putExtField("unicode", "主题")
                    .setBody("hello".getBytes(StandardCharsets.UTF_8))
                    .setSerializeType(type);
        }

        @Test
        void jsonRoundTripKeepsEveryField() {
            RemotingCommand sent = richCommand(SerializeType.JSON);

            RemotingCommand received = RemotingCommandCodec.decodeFrame(RemotingCommandCodec.encodeToBytes(sent));

            assertThat(received.code()).isEqualTo(310);
            assertThat(received.language()).isEqualTo(LanguageCode.GO);
            assertThat(received.version()).isEqualTo(401);
            assertThat(received.opaque()).isEqualTo(-123456);
            assertThat(received.isOneway()).isTrue();
            assertThat(received.isResponse()).isFalse();
            assertThat(received.remark()).isEqualTo(sent.remark());
            assertThat(received.extFields()).isEqualTo(sent.extFields());
            assertThat(received.body()).isEqualTo(sent.body());
            assertThat(received.serializeType()).isEqualTo(SerializeType.JSON);
        }

        @Test
        void rocketMqRoundTripKeepsEveryFieldButEmptyStrings() {
            RemotingCommand sent = richCommand(SerializeType.ROCKETMQ);

            RemotingCommand received = RemotingCommandCodec.decodeFrame(RemotingCommandCodec.encodeToBytes(sent));

            assertThat(received.code()).isEqualTo(310);
            assertThat(received.language()).isEqualTo(LanguageCode.GO);
            assertThat(received.version()).isEqualTo(401);
            assertThat(received.opaque()).isEqualTo(-123456);
            assertThat(received.flag()).isEqualTo(RemotingCommand.ONEWAY_FLAG);
            assertThat(received.remark()).isEqualTo(sent.remark());
            assertThat(received.extFields())
                    .containsEntry("a", "pg")
                    .containsEntry("unicode", "主题")
                    .containsEntry("i", "KEYS\u0001k1 k2\u0002TAGS\u0001tagA\u0002")
                    .doesNotContainKey("empty");
            assertThat(received.body()).isEqualTo(sent.body());
            assertThat(received.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
        }

        @Test
        void rocketMqDecodesEmptyRemarkAsNull() {
            RemotingCommand sent = getMaxOffset(SerializeType.ROCKETMQ).setRemark("");

            RemotingCommand received = RemotingCommandCodec.decodeFrame(RemotingCommandCodec.encodeToBytes(sent));

            assertThat(received.remark()).isNull();
        }

        @Test
        void responseFlagSurvivesBothForms() {
            RemotingCommand request = getMaxOffset(SerializeType.JSON);
            for (SerializeType type : SerializeType.values()) {
                RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                        .setSerializeType(type);

                RemotingCommand received =
                        RemotingCommandCodec.decodeFrame(RemotingCommandCodec.encodeToBytes(response));

                assertThat(received.isResponse()).isTrue();
                assertThat(received.opaque()).isEqualTo(7);
            }
        }

        @Test
        void jsonCarriesCodesBeyondSixteenBits() {
            RemotingCommand sent = new RemotingCommand().setCode(RequestCode.POP_MESSAGE);

            assertThat(RemotingCommandCodec.decodeFrame(RemotingCommandCodec.encodeToBytes(sent)).code())
                    .isEqualTo(200050);
        }

        @Test
        void encodeHeaderLeavesRoomForABodyWrittenSeparately() {
            byte[] body = {9, 8, 7, 6};
            RemotingCommand command = getMaxOffset(SerializeType.JSON);
            ByteBuf out = Unpooled.buffer();

            RemotingCommandCodec.encodeHeader(command, body.length, out);
            out.writeBytes(body);

            byte[] separately = new byte[out.readableBytes()];
            out.readBytes(separately);
            assertThat(separately).isEqualTo(RemotingCommandCodec.encodeToBytes(command.setBody(body)));
        }
    }

    @Nested
    class JsonLeniency {

        @Test
        void writesKeysAlphabeticallyAndLeavesNullsOut() {
            RemotingCommand command = new RemotingCommand().setCode(1).setOpaque(2)
                    .putExtField("zeta", "1").putExtField("alpha", "2").putExtField("mid", null);

            String header = headerText(RemotingCommandCodec.encodeToBytes(command));

            assertThat(header).isEqualTo("{\"code\":1,\"extFields\":{\"alpha\":\"2\",\"zeta\":\"1\"},\"flag\":0,"
                    + "\"language\":\"JAVA\",\"opaque\":2,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":475}");
        }

        @Test
        void writesRemarkBetweenOpaqueAndSerializeType() {
            RemotingCommand command = new RemotingCommand().setCode(3).setRemark(" request type 9 not supported");

            assertThat(headerText(RemotingCommandCodec.encodeToBytes(command))).isEqualTo("{\"code\":3,\"flag\":0,"
                    + "\"language\":\"JAVA\",\"opaque\":0,\"remark\":\" request type 9 not supported\","
                    + "\"serializeTypeCurrentRPC\":\"JSON\",\"version\":475}");
        }

        @Test
        void ignoresUnknownFields() {
            RemotingCommand command = decodeJson("{\"code\":30,\"future\":{\"x\":[1,2]},\"opaque\":5,"
                    + "\"serializeTypeCurrentRPC\":\"ROCKETMQ\",\"extra\":null}");

            assertThat(command.code()).isEqualTo(30);
            assertThat(command.opaque()).isEqualTo(5);
            assertThat(command.serializeType()).isEqualTo(SerializeType.JSON);
        }

        @Test
        void defaultsMissingFields() {
            RemotingCommand command = decodeJson("{}");

            assertThat(command.code()).isZero();
            assertThat(command.language()).isEqualTo(LanguageCode.JAVA);
            assertThat(command.version()).isZero();
            assertThat(command.opaque()).isZero();
            assertThat(command.flag()).isZero();
            assertThat(command.remark()).isNull();
            assertThat(command.extFields()).isEmpty();
            assertThat(command.body()).isNull();
        }

        @Test
        void acceptsExtValuesAsNumbersAndBooleansAndSkipsNulls() {
            RemotingCommand command = decodeJson("{\"code\":30,\"extFields\":{\"queueId\":3,\"offset\":"
                    + "9007199254740993,\"committed\":true,\"topic\":\"T\",\"gone\":null}}");

            assertThat(command.extFields()).containsOnly(Map.entry("queueId", "3"),
                    Map.entry("offset", "9007199254740993"), Map.entry("committed", "true"), Map.entry("topic", "T"));
            assertThat(command.requiredInt("queueId")).isEqualTo(3);
            assertThat(command.requiredLong("offset")).isEqualTo(9007199254740993L);
        }

        @Test
        void acceptsNumbersWrittenAsStringsAndLanguageCodes() {
            RemotingCommand command = decodeJson("{\"code\":\"30\",\"opaque\":\"-4\",\"language\":9}");

            assertThat(command.code()).isEqualTo(30);
            assertThat(command.opaque()).isEqualTo(-4);
            assertThat(command.language()).isEqualTo(LanguageCode.GO);
        }

        @Test
        void mapsUnknownLanguageToOther() {
            assertThat(decodeJson("{\"language\":\"COBOL\"}").language()).isEqualTo(LanguageCode.OTHER);
        }

        @Test
        void lastDuplicateKeyWins() {
            assertThat(decodeJson("{\"code\":1,\"code\":2}").code()).isEqualTo(2);
        }
    }

    @Nested
    class BinaryLeniency {

        @Test
        void lastDuplicateExtKeyWins() {
            ByteBuf header = Unpooled.buffer();
            header.writeShort(30).writeByte(0).writeShort(475).writeInt(1).writeInt(0).writeInt(0);
            ByteBuf ext = Unpooled.buffer();
            writeEntry(ext, "topic", "first");
            writeEntry(ext, "queueId", "0");
            writeEntry(ext, "topic", "second");
            header.writeInt(ext.readableBytes()).writeBytes(ext);

            RemotingCommand command = RemotingCommandCodec.decode(frame(1, bytes(header), new byte[0]));

            assertThat(command.extFields()).containsOnly(Map.entry("topic", "second"), Map.entry("queueId", "0"));
        }

        @Test
        void mapsUnknownLanguageByteToOther() {
            byte[] golden = GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_ROCKETMQ);
            golden[10] = 99;

            assertThat(RemotingCommandCodec.decodeFrame(golden).language()).isEqualTo(LanguageCode.OTHER);
        }

        private void writeEntry(ByteBuf ext, String key, String value) {
            byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
            byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
            ext.writeShort(keyBytes.length).writeBytes(keyBytes).writeInt(valueBytes.length).writeBytes(valueBytes);
        }

        private byte[] bytes(ByteBuf buf) {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return bytes;
        }
    }

    @Nested
    class BadInput {

        @Test
        void rejectsUnknownSerializeType() {
            assertThatThrownBy(() -> RemotingCommandCodec.decode(frame(5, "{}".getBytes(), new byte[0])))
                    .isInstanceOf(RemotingProtocolException.class)
                    .hasMessageContaining("unknown serialize type 5");
        }

        @Test
        void rejectsHeaderLengthBeyondFrame() {
            ByteBuf frame = Unpooled.buffer().writeInt(0x00000100).writeBytes("{}".getBytes());

            assertThatThrownBy(() -> RemotingCommandCodec.decode(frame))
                    .isInstanceOf(RemotingProtocolException.class)
                    .hasMessageContaining("header length 256 exceeds the 2 bytes left");
        }

        @Test
        void rejectsFrameShorterThanTypeWord() {
            assertThatThrownBy(() -> RemotingCommandCodec.decode(Unpooled.wrappedBuffer(new byte[] {0, 0})))
                    .isInstanceOf(RemotingProtocolException.class)
                    .hasMessageContaining("shorter than its 4-byte");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"code\":", "{\"code\":30", "not json", "{\"code\":30}}", "[1,2]", "\"text\"",
                "", "{\"code\":{\"nested\":1}}", "{\"code\":1.5}", "{\"code\":\"abc\"}",
                "{\"extFields\":[\"a\"]}", "{\"language\":[]}"})
        void rejectsBrokenOrMistypedJson(String header) {
            assertThatThrownBy(() -> decodeJson(header))
                    .isInstanceOf(RemotingProtocolException.class)
                    .hasMessageContaining("JSON header");
        }

        @Test
        void rejectsEveryTruncationOfABinaryHeader() {
            byte[] golden = GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_ROCKETMQ);
            byte[] header = Arrays.copyOfRange(golden, 8, golden.length);

            for (int cut = 0; cut < header.length; cut++) {
                byte[] truncated = Arrays.copyOf(header, cut);
                assertThatThrownBy(() -> RemotingCommandCodec.decode(frame(1, truncated, new byte[0])))
                        .as("header cut to %d bytes", cut)
                        .isInstanceOf(RemotingProtocolException.class)
                        .hasMessageContaining("truncated ROCKETMQ header");
            }
        }

        @Test
        void rejectsNegativeRemarkLength() {
            ByteBuf header = Unpooled.buffer();
            header.writeShort(30).writeByte(0).writeShort(475).writeInt(1).writeInt(0).writeInt(-5).writeInt(0);
            byte[] bytes = new byte[header.readableBytes()];
            header.readBytes(bytes);

            assertThatThrownBy(() -> RemotingCommandCodec.decode(frame(1, bytes, new byte[0])))
                    .isInstanceOf(RemotingProtocolException.class)
                    .hasMessageContaining("remark of -5 bytes");
        }

        @Test
        void rejectsLengthPrefixThatDisagreesWithTheFrame() {
            byte[] golden = GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_ROCKETMQ);

            assertThatThrownBy(() -> RemotingCommandCodec.decodeFrame(Arrays.copyOf(golden, golden.length - 1)))
                    .isInstanceOf(RemotingProtocolException.class)
                    .hasMessageContaining("does not match");
        }

        @Test
        void refusesToEncodeCodesBeyondSixteenBitsInBinaryAndLeavesNothingBehind() {
            RemotingCommand pop = new RemotingCommand().setCode(RequestCode.POP_MESSAGE)
                    .setSerializeType(SerializeType.ROCKETMQ);
            ByteBuf out = Unpooled.buffer().writeByte(42);

            assertThatThrownBy(() -> RemotingCommandCodec.encode(pop, out))
                    .isInstanceOf(RemotingProtocolException.class)
                    .hasMessageContaining("code 200050");
            assertThat(out.readableBytes()).isEqualTo(1);
        }
    }
}
