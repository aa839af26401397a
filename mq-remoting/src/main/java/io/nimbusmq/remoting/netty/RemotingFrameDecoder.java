package io.nimbusmq.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.nimbusmq.remoting.RateLimitedLog;
import io.nimbusmq.remoting.RemotingAddresses;
import io.nimbusmq.remoting.protocol.RemotingCommandCodec;
import io.nimbusmq.remoting.protocol.RemotingProtocolException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the inbound byte stream into frames and decodes each into a
 * {@link io.nimbusmq.remoting.protocol.RemotingCommand}.
 *
 * <p>A peer whose frame cannot be decoded cannot be answered (its opaque is unknown), and the stream position after
 * it cannot be trusted, so the connection is closed after logging the reason. That happens for a length prefix
 * below 4 (negative included) or a frame above {@code maxFrameLengthBytes} (prefix included, as in RocketMQ), and
 * for every {@link RemotingProtocolException} of the header codec. A header that decodes but is semantically bad
 * (a missing field, say) is the dispatcher's business and gets an error answer.
 *
 * <p>The reason is logged once per peer host every {@link RateLimitedLog#PEER_INTERVAL_MILLIS} ms, escaped: a peer
 * sending garbage on thousands of connections gives a line every 10 s, not one per connection, and no raw bytes.
 *
 * <p>One instance per channel.
 */
final class RemotingFrameDecoder extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(RemotingFrameDecoder.class);
    private static final RateLimitedLog peerLog =
            new RateLimitedLog(log, RateLimitedLog.PEER_INTERVAL_MILLIS, Clock.systemUTC());

    private final int maxFrameLengthBytes;
    private boolean closing;

    RemotingFrameDecoder(int maxFrameLengthBytes) {
        this.maxFrameLengthBytes = maxFrameLengthBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (closing) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < RemotingCommandCodec.LENGTH_FIELD_BYTES) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        int maxLength = maxFrameLengthBytes - RemotingCommandCodec.LENGTH_FIELD_BYTES;
        if (length < RemotingCommandCodec.HEADER_LENGTH_FIELD_BYTES || length > maxLength) {
            reject(ctx, in, "frame length " + length + " is outside the accepted range "
                    + RemotingCommandCodec.HEADER_LENGTH_FIELD_BYTES + ".." + maxLength);
            return;
        }
        if (in.readableBytes() < RemotingCommandCodec.LENGTH_FIELD_BYTES + length) {
            return;
        }
        in.skipBytes(RemotingCommandCodec.LENGTH_FIELD_BYTES);
        ByteBuf frame = in.readSlice(length);
        try {
            out.add(RemotingCommandCodec.decode(frame));
        } catch (RemotingProtocolException e) {
            reject(ctx, in, e.getMessage());
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        super.decodeLast(ctx, in, out);
        if (!closing && in.isReadable()) {
            log.debug("Connection {} closed with {} bytes of an incomplete frame", address(ctx), in.readableBytes());
            in.skipBytes(in.readableBytes());
        }
    }

    private void reject(ChannelHandlerContext ctx, ByteBuf in, String reason) {
        closing = true;
        in.skipBytes(in.readableBytes());
        peerLog.warn(RemotingAddresses.toHost(ctx.channel().remoteAddress()),
                "Closing connection {}: undecodable frame: {}", address(ctx), RateLimitedLog.escape(reason));
        ctx.close();
    }

    private static String address(ChannelHandlerContext ctx) {
        return RemotingAddresses.toAddress(ctx.channel().remoteAddress());
    }
}
