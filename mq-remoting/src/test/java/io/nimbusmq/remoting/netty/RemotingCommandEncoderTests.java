package io.nimbusmq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.protocol.GoldenFrames;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingCommandCodec;
import io.nimbusmq.remoting.protocol.RemotingProtocolException;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.SerializeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemotingCommandEncoderTests {

    private final EmbeddedChannel channel = new EmbeddedChannel(new RemotingCommandEncoder());

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private byte[] readAll() {
        ByteBuf out = Unpooled.buffer();
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            out.writeBytes(part);
            part.release();
        }
        return ByteBufUtil.getBytes(out);
    }

    @Test
    void writesTheGoldenFrame() {
        channel.writeOutbound(new RemotingCommand().setCode(30).setOpaque(7).putExtField("topic", "T")
                .setSerializeType(SerializeType.ROCKETMQ));

        assertThat(readAll()).isEqualTo(GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_ROCKETMQ));
    }

    @Test
    void passesAHeaderAndASeparateBodyBufferThrough() {
        RemotingCommand command = new RemotingCommand().setCode(30).setOpaque(7).putExtField("topic", "T");
        ByteBuf header = Unpooled.buffer();
        RemotingCommandCodec.encodeHeader(command, 2, header);

        channel.writeOutbound(header, Unpooled.wrappedBuffer(new byte[] {1, 2}));

        assertThat(readAll()).isEqualTo(GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_JSON));
    }

    @Test
    void failsTheWriteOfAnUnencodableCommandButKeepsTheChannel() {
        ChannelFuture write = channel.writeAndFlush(new RemotingCommand().setCode(RequestCode.POP_MESSAGE)
                .setSerializeType(SerializeType.ROCKETMQ));

        assertThat(write.isSuccess()).isFalse();
        assertThat(write.cause()).hasRootCauseInstanceOf(RemotingProtocolException.class);
        assertThat(channel.isOpen()).isTrue();
    }
}
