package io.nimbusmq.remoting.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the header codecs and the command codec ({@link Fuzz}: seeded, a few seconds each, longer with
 * {@code -Dfuzz.seconds}): arbitrary bytes, and valid frames of both serializations with bytes changed, must decode
 * or fail with a {@link RemotingProtocolException}, nothing else (a peer's garbage must never surface as an NPE, an
 * index error or an out-of-memory); and any command, with control characters and any Unicode in its remark and
 * fields, must come back from both serializations as the protocol says.
 */
class CodecFuzzTests {

    @Test
    void arbitraryHeadersAndFramesDecodeOrFailCleanly() {
        assertThat(Fuzz.run(random -> {
            byte[] bytes = Fuzz.bytes(random, 512);
            decodesOrFailsCleanly(() -> JsonHeaderCodec.read(Unpooled.wrappedBuffer(bytes)));
            decodesOrFailsCleanly(() -> BinaryHeaderCodec.read(Unpooled.wrappedBuffer(bytes)));
            decodesOrFailsCleanly(() -> RemotingCommandCodec.decode(Unpooled.wrappedBuffer(bytes)));
        })).isPositive();
    }

    @Test
    void validFramesWithBytesChangedDecodeOrFailCleanly() {
        assertThat(Fuzz.run(random -> {
            RemotingCommand command = command(random);
            command.setSerializeType(random.nextBoolean() ? SerializeType.JSON : SerializeType.ROCKETMQ);
            byte[] frame = Fuzz.mutate(random, RemotingCommandCodec.encodeToBytes(command), 4);
            decodesOrFailsCleanly(() -> RemotingCommandCodec.decode(Unpooled.wrappedBuffer(frame, 4,
                    frame.length - 4)));
        })).isPositive();
    }

    @Test
    void everyCommandSurvivesBothSerializations() {
        assertThat(Fuzz.run(random -> {
            RemotingCommand command = command(random);
            SerializeType type = random.nextBoolean() ? SerializeType.JSON : SerializeType.ROCKETMQ;
            command.setSerializeType(type);
            RemotingCommand decoded = RemotingCommandCodec.decodeFrame(RemotingCommandCodec.encodeToBytes(command));

            assertThat(decoded.code()).isEqualTo(command.code());
            assertThat(decoded.opaque()).isEqualTo(command.opaque());
            assertThat(decoded.flag()).isEqualTo(command.flag());
            byte[] body = command.body();
            assertThat(decoded.body()).as("an empty body is no body").isEqualTo(body == null || body.length == 0
                    ? null : body);
            Map<String, String> ext = new HashMap<>(command.extFields() == null ? Map.of() : command.extFields());
            String remark = command.remark();
            if (type == SerializeType.ROCKETMQ) {
                // the binary header writes a zero-length string as nothing, as RocketMQ's does
                ext.values().removeIf(String::isEmpty);
                remark = remark == null || remark.isEmpty() ? null : remark;
            }
            assertThat(decoded.remark()).isEqualTo(remark);
            assertThat(decoded.extFields() == null ? Map.of() : decoded.extFields()).isEqualTo(ext);
        })).isPositive();
    }

    private static void decodesOrFailsCleanly(Runnable decode) {
        try {
            decode.run();
        } catch (RemotingProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    /** A request with a random code, opaque, remark, up to 6 ext fields and maybe a body. */
    static RemotingCommand command(Random random) {
        RemotingCommand command = RemotingCommand.createRequest(random.nextInt(402) - 1);
        command.setOpaque(random.nextInt());
        command.setRemark(random.nextInt(5) == 0 ? null : Fuzz.text(random, 40));
        for (int i = random.nextInt(7); i > 0; i--) {
            command.putExtField("k" + Fuzz.text(random, 12), Fuzz.text(random, 40));
        }
        command.setBody(random.nextInt(3) == 0 ? null : Fuzz.bytes(random, 64));
        return command;
    }
}
