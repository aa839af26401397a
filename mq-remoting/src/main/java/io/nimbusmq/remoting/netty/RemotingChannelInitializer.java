package io.nimbusmq.remoting.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.nimbusmq.remoting.dispatch.RequestDispatcher;
import java.util.function.Consumer;

/**
 * The pipeline shared by server and client channels. Inbound: idle detection, frame decoder, lifecycle events,
 * dispatcher. Outbound: command encoder, then idle detection.
 */
final class RemotingChannelInitializer extends ChannelInitializer<Channel> {

    private static final RemotingCommandEncoder ENCODER = new RemotingCommandEncoder();

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
        pipeline.addLast("frameDecoder", new RemotingFrameDecoder(maxFrameLengthBytes));
        pipeline.addLast("commandEncoder", ENCODER);
        pipeline.addLast("connectionEvents", connectionEvents);
        pipeline.addLast("dispatcher", dispatcher);
    }
}
