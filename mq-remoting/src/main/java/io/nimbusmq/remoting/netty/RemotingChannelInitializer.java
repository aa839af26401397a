package io.nimbusmq.remoting.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.nimbusmq.remoting.dispatch.RequestDispatcher;
import java.util.function.Consumer;

/**
 * The pipeline shared by server and client channels. Inbound: idle detection, frame decoder, lifecycle events,
 * dispatcher. Outbound: command encoder, flush consolidation, then idle detection.
 *
 * <p><b>Flushes.</b> Every command is written with a flush, from whichever thread sends it: an application thread, a
 * processor executor, or the event loop itself while it reads. {@link FlushConsolidationHandler} merges the flushes
 * that pile up: during a read, until the read completes (or {@value #FLUSH_AFTER_FLUSHES} flushes); outside one, into
 * a single flush that runs on the event loop after the writes queued before it. One flush (one {@code write}
 * system call) then carries every command queued meanwhile, for example a burst of one-way sends.
 */
final class RemotingChannelInitializer extends ChannelInitializer<Channel> {

    private static final RemotingCommandEncoder ENCODER = new RemotingCommandEncoder();
    /** Flushes merged at most while a read is in progress, as Netty's default. */
    private static final int FLUSH_AFTER_FLUSHES = FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES;

    private final int maxFrameLengthBytes;
    private final int idleCloseSeconds;
    private final ConnectionEventHandler connectionEvents;
    private final RequestDispatcher dispatcher;
    private final Consumer<Channel> onInit;

    RemotingChannelInitializer(int maxFrameLengthBytes, int idleCloseSeconds, ConnectionEventHandler connectionEvents,
                               RequestDispatcher dispatcher, Consumer<Channel> onInit) {
        this.maxFrameLengthBytes = maxFrameLengthBytes;
        this.idleCloseSeconds = idleCloseSeconds;
        this.connectionEvents = connectionEvents;
        this.dispatcher = dispatcher;
        this.onInit = onInit;
    }

    @Override
    protected void initChannel(Channel channel) {
        onInit.accept(channel);
        ChannelPipeline pipeline = channel.pipeline();
        if (idleCloseSeconds > 0) {
            pipeline.addLast("idle", new IdleStateHandler(0, 0, idleCloseSeconds));
        }
        pipeline.addLast("flushConsolidation", new FlushConsolidationHandler(FLUSH_AFTER_FLUSHES, true));
        pipeline.addLast("frameDecoder", new RemotingFrameDecoder(maxFrameLengthBytes));
        pipeline.addLast("commandEncoder", ENCODER);
        pipeline.addLast("connectionEvents", connectionEvents);
        pipeline.addLast("dispatcher", dispatcher);
    }
}
