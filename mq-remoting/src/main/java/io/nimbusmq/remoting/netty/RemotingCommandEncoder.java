package io.nimbusmq.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingCommandCodec;

/**
 * Writes {@link RemotingCommand}s as frames. Other messages (a {@link ByteBuf} or
 * {@link io.netty.channel.FileRegion} following a header written with {@link RemotingCommandCodec#encodeHeader})
 * pass through untouched, so stored bytes can be sent without copying. A command that cannot be encoded fails its
 * write future; the channel stays open.
 */
@ChannelHandler.Sharable
final class RemotingCommandEncoder extends MessageToByteEncoder<RemotingCommand> {

    RemotingCommandEncoder() {
        super(RemotingCommand.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand command, ByteBuf out) {
        RemotingCommandCodec.encode(command, out);
    }
}
