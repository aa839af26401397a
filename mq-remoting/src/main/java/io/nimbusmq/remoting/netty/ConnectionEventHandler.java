package io.nimbusmq.remoting.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import io.nimbusmq.remoting.RateLimitedLog;
import io.nimbusmq.remoting.RemotingAddresses;
import io.nimbusmq.remoting.dispatch.ResponseTable;
import java.io.IOException;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns channel lifecycle into {@link ChannelEventListener} calls: closes idle channels, closes channels whose
 * pipeline failed, and fails the requests still waiting for a response on a channel that closed.
 *
 * <p>What peers cause is logged per peer host at most once every {@link RateLimitedLog#PEER_INTERVAL_MILLIS} ms and
 * kind, escaped: idle and reset connections at INFO, bad input ({@link DecoderException}) at WARN in one line;
 * only an unexpected pipeline error (our bug) comes with a stack trace, rate-limited the same way.
 */
@ChannelHandler.Sharable
final class ConnectionEventHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ConnectionEventHandler.class);
    private static final RateLimitedLog peerLog =
            new RateLimitedLog(log, RateLimitedLog.PEER_INTERVAL_MILLIS, Clock.systemUTC());

    private final ChannelEventListener listener;
    private final ResponseTable responseTable;

    ConnectionEventHandler(ChannelEventListener listener, ResponseTable responseTable) {
        this.listener = listener;
        this.responseTable = responseTable;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        log.debug("Connection {} opened", address(ctx.channel()));
        notifyListener(ctx.channel(), listener::onConnect);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        log.debug("Connection {} closed", address(ctx.channel()));
        responseTable.failChannel(ctx.channel());
        notifyListener(ctx.channel(), listener::onClose);
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            peerLog.info(host(ctx.channel()) + " idle", "Closing connection {}: idle", address(ctx.channel()));
            notifyListener(ctx.channel(), listener::onIdle);
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String host = host(ctx.channel());
        if (cause instanceof IOException) {
            peerLog.info(host + " io", "Closing connection {}: {}", address(ctx.channel()),
                    RateLimitedLog.escape(cause.toString()));
        } else if (cause instanceof DecoderException) {
            Throwable reason = cause.getCause() != null ? cause.getCause() : cause;
            peerLog.warn(host + " input", "Closing connection {} after bad input: {}", address(ctx.channel()),
                    RateLimitedLog.escape(reason.toString()));
        } else {
            peerLog.warn(host + " error", "Closing connection {} after a pipeline error", address(ctx.channel()),
                    cause);
        }
        notifyListener(ctx.channel(), channel -> listener.onException(channel, cause));
        ctx.close();
    }

    private static void notifyListener(Channel channel, Consumer<Channel> call) {
        try {
            call.accept(channel);
        } catch (RuntimeException e) {
            log.warn("Channel event listener failed for {}", address(channel), e);
        }
    }

    private static String host(Channel channel) {
        return RemotingAddresses.toHost(channel.remoteAddress());
    }

    private static String address(Channel channel) {
        return RemotingAddresses.toAddress(channel.remoteAddress());
    }
}
