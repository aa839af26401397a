package io.nimbusmq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.protocol.Fuzz;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingCommandCodec;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link RemotingFrameDecoder} ({@link Fuzz}: seeded, a few seconds each, longer with {@code -Dfuzz.seconds}):
 * any bytes, valid frames with bytes changed, in any chunks, give decoded commands or a closed connection, never an
 * exception out of the pipeline; and a valid frame cut into any chunks decodes to itself.
 */
class FrameDecoderFuzzTests {

    private static final int MAX_FRAME_BYTES = 64 * 1024;

    @Test
    void anyBytesInAnyChunksDecodeOrCloseTheConnection() {
        assertThat(Fuzz.run(random -> {
            EmbeddedChannel channel = new EmbeddedChannel(new RemotingFrameDecoder(MAX_FRAME_BYTES));
            try {
                for (int chunks = 1 + random.nextInt(6); chunks > 0 && channel.isActive(); chunks--) {
                    channel.writeInbound(Unpooled.wrappedBuffer(chunk(random)));
                    channel.checkException();
                }
                Object decoded;
                while ((decoded = channel.readInbound()) != null) {
                    assertThat(decoded).isInstanceOf(RemotingCommand.class);
                }
            } finally {
                channel.finishAndReleaseAll();
            }
        })).isPositive();
    }

    @Test
    void aValidFrameInAnyChunksDecodesToItself() {
        assertThat(Fuzz.run(random -> {
            RemotingCommand command = RemotingCommand.createRequest(10).putExtField("topic", "T")
                    .setBody(Fuzz.bytes(random, 200));
            byte[] frame = RemotingCommandCodec.encodeToBytes(command);
            int chunkBytes = 1 + random.nextInt(64);
            EmbeddedChannel channel = new EmbeddedChannel(new RemotingFrameDecoder(MAX_FRAME_BYTES));
            try {
                for (int from = 0; from < frame.length; from += chunkBytes) {
                    channel.writeInbound(Unpooled.wrappedBuffer(frame, from,
                            Math.min(chunkBytes, frame.length - from)));
                }
                RemotingCommand decoded = channel.readInbound();
                assertThat(decoded.opaque()).isEqualTo(command.opaque());
                assertThat(decoded.body()).isEqualTo(command.body().length == 0 ? null : command.body());
                assertThat(channel.isActive()).isTrue();
            } finally {
                channel.finishAndReleaseAll();
            }
        })).isPositive();
    }

    /** Random bytes, a plausible length prefix before random bytes, or a valid frame with bytes changed. */
    private static byte[] chunk(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> Fuzz.bytes(random, 300);
            case 1 -> Unpooled.buffer().writeInt(random.nextInt(403) - 2).writeBytes(Fuzz.bytes(random, 300)).array();
            default -> Fuzz.mutate(random, RemotingCommandCodec.encodeToBytes(RemotingCommand.createRequest(
                    random.nextInt(400)).putExtField("k", Fuzz.text(random, 20)).setBody(Fuzz.bytes(random, 40))),
                    0);
        };
    }
}
