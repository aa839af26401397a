package io.nimbusmq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.protocol.GoldenFrames;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingCommandCodec;
import io.nimbusmq.remoting.protocol.SerializeType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemotingFrameDecoderTests {

    private static final int MAX_FRAME_BYTES = 4096;

    private final EmbeddedChannel channel = new EmbeddedChannel(new RemotingFrameDecoder(MAX_FRAME_BYTES));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private static ByteBuf frame(int typeAndHeaderLength, byte[] rest) {
        return Unpooled.buffer().writeInt(4 + rest.length).writeInt(typeAndHeaderLength).writeBytes(rest);
    }

    @Test
    void decodesAFrameArrivingByteByByte() {
        byte[] golden = GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_JSON);

        for (int i = 0; i < golden.length - 1; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(golden, i, 1));
            assertThat((Object) channel.readInbound()).isNull();
        }
        channel.writeInbound(Unpooled.wrappedBuffer(golden, golden.length - 1, 1));

        RemotingCommand command = channel.readInbound();
        assertThat(command.code()).isEqualTo(30);
        assertThat(command.body()).containsExactly(1, 2);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void decodesSeveralFramesFromOneBuffer() {
        byte[] json = GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_JSON);
        byte[] binary = GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_ROCKETMQ);

        channel.writeInbound(Unpooled.wrappedBuffer(json, binary, json));

        assertThat(((RemotingCommand) channel.readInbound()).serializeType()).isEqualTo(SerializeType.JSON);
        assertThat(((RemotingCommand) channel.readInbound()).serializeType()).isEqualTo(SerializeType.ROCKETMQ);
        assertThat(((RemotingCommand) channel.readInbound()).serializeType()).isEqualTo(SerializeType.JSON);
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void acceptsAFrameOfExactlyTheMaximumLength() {
        RemotingCommand command = RemotingCommand.createRequest(30);
        int headerBytes = RemotingCommandCodec.encodeToBytes(command).length;
        command.setBody(new byte[MAX_FRAME_BYTES - headerBytes]);

        channel.writeInbound(Unpooled.wrappedBuffer(RemotingCommandCodec.encodeToBytes(command)));

        assertThat(((RemotingCommand) channel.readInbound()).bodyLengthBytes())
                .isEqualTo(MAX_FRAME_BYTES - headerBytes);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void closesOnNegativeLength() {
        channel.writeInbound(Unpooled.buffer().writeInt(-1).writeInt(0));

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void closesOnLengthTooSmallForTheTypeWord() {
        channel.writeInbound(Unpooled.buffer().writeInt(3).writeBytes(new byte[3]));

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void closesOnLengthOverTheCapBeforeTheFrameArrives() {
        channel.writeInbound(Unpooled.buffer().writeInt(MAX_FRAME_BYTES - 3));

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void closesOnUnknownSerializeType() {
        channel.writeInbound(frame(0x05000002, "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(channel.isOpen()).isFalse();
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void closesOnHeaderLengthBeyondTheFrame() {
        channel.writeInbound(frame(0x00000100, "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void closesOnBrokenJsonAndIgnoresWhatFollows() {
        byte[] broken = "{\"code\":".getBytes(StandardCharsets.UTF_8);
        ByteBuf input = frame(broken.length, broken)
                .writeBytes(GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_JSON));

        channel.writeInbound(input);

        assertThat(channel.isOpen()).isFalse();
        assertThat((Object) channel.readInbound()).isNull();
    }
}
