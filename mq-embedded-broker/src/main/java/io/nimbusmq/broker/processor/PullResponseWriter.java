package io.nimbusmq.broker.processor;

import java.nio.ByteBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingCommandCodec;
import io.nimbusmq.store.file.MappedSlice;
import io.nimbusmq.store.read.GetMessageResult;

/**
 * Writes a response whose body is a run of stored messages straight from the mapped commit log: the header is
 * encoded into a small buffer and the message slices are wrapped, not copied. The slices are released when the write
 * completes (or fails), which is when the commit log segments may be unmapped.
 */
final class PullResponseWriter {

    private PullResponseWriter() {
    }

    static void write(RequestContext context, RemotingCommand response, GetMessageResult result) {
        response.setOpaque(context.request().opaque());
        response.markResponse();
        int bodyBytes = result.totalBytes();
        ByteBuf header = context.channel().alloc().buffer(256);
        CompositeByteBuf frame = Unpooled.compositeBuffer(result.messageCount() + 1);
        try {
            RemotingCommandCodec.encodeHeader(response, bodyBytes, header);
            frame.addComponent(true, header);
            for (MappedSlice slice : result.messages()) {
                ByteBuffer view = slice.buffer().duplicate().clear();
                frame.addComponent(true, Unpooled.wrappedBuffer(view));
            }
        } catch (RuntimeException e) {
            frame.release();
            result.release();
            throw e;
        }
        context.channel().writeAndFlush(frame).addListener(future -> result.release());
    }
}
