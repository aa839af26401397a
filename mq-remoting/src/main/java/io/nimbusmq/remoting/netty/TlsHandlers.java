package io.nimbusmq.remoting.netty;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.nimbusmq.remoting.RateLimitedLog;
import io.nimbusmq.remoting.RemotingAddresses;
import io.nimbusmq.remoting.tls.TlsMode;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS at the front of a remoting pipeline, ahead of the frame decoder:
 * <ul>
 *   <li>server, {@link TlsMode#ENFORCING}: an {@link SslHandler}; a plain client's first frame is not a TLS record
 *       and closes the connection;</li>
 *   <li>server, {@link TlsMode#PERMISSIVE}: a detector that looks at the first byte: 0x16 (a TLS handshake record;
 *       as a frame length it would exceed any allowed frame) puts an SslHandler in its place, anything else removes
 *       it and the connection stays plain;</li>
 *   <li>client: an SslHandler when TLS is on.</li>
 * </ul>
 * A handshake that fails or does not finish within the timeout (a truncated ClientHello, a plain client on an
 * enforcing port, an untrusted certificate) closes the connection and is logged once per peer address a minute
 * ({@link RateLimitedLog}), without a stack trace.
 */
final class TlsHandlers {

    static final String SSL = "ssl";
    private static final byte TLS_HANDSHAKE_RECORD = 0x16;
    private static final Logger log = LoggerFactory.getLogger(TlsHandlers.class);
    private static final RateLimitedLog FAILURES = new RateLimitedLog(log, 60_000, Clock.systemUTC());
    private static final FailureHandler FAILURE_HANDLER = new FailureHandler();

    private TlsHandlers() {
    }

    /** Adds the server side for {@code mode} to a new channel's pipeline; nothing when disabled. */
    static void addServerTls(Channel channel, TlsMode mode, SslContext context, long handshakeTimeoutMillis) {
        switch (mode) {
            case DISABLED -> {
                return;
            }
            case ENFORCING -> channel.pipeline().addLast(SSL, newHandler(channel, context, handshakeTimeoutMillis));
            case PERMISSIVE -> channel.pipeline().addLast("tlsDetector",
                    new Detector(context, handshakeTimeoutMillis));
            default -> throw new IllegalStateException(mode.name());
        }
        channel.pipeline().addLast("tlsFailures", FAILURE_HANDLER);
    }

    /** Adds the client side (an SslHandler) to a new channel's pipeline. */
    static void addClientTls(Channel channel, SslContext context, long handshakeTimeoutMillis) {
        channel.pipeline().addLast(SSL, newHandler(channel, context, handshakeTimeoutMillis));
        channel.pipeline().addLast("tlsFailures", FAILURE_HANDLER);
    }

    private static SslHandler newHandler(Channel channel, SslContext context, long handshakeTimeoutMillis) {
        SslHandler handler = context.newHandler(channel.alloc());
        handler.setHandshakeTimeout(handshakeTimeoutMillis, TimeUnit.MILLISECONDS);
        return handler;
    }

    /** Permissive mode: TLS or plain, decided by the first byte. */
    static final class Detector extends ByteToMessageDecoder {
        private final SslContext context;
        private final long handshakeTimeoutMillis;

        Detector(SslContext context, long handshakeTimeoutMillis) {
            this.context = context;
            this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            if (!in.isReadable()) {
                return;
            }
            if (in.getByte(in.readerIndex()) == TLS_HANDSHAKE_RECORD) {
                ctx.pipeline().replace(this, SSL, newHandler(ctx.channel(), context, handshakeTimeoutMillis));
            } else {
                ctx.pipeline().remove(this);
            }
        }
    }

    /** Logs TLS failures once per peer and closes; other events pass on. */
    @ChannelHandler.Sharable
    static final class FailureHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof SslHandshakeCompletionEvent completion && !completion.isSuccess()) {
                logFailure(ctx.channel(), completion.cause());
                ctx.close();
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
            if (isTlsFailure(cause)) {
                logFailure(ctx.channel(), cause);
                ctx.close();
                return;
            }
            super.exceptionCaught(ctx, cause);
        }

        private static boolean isTlsFailure(Throwable cause) {
            return cause instanceof SSLException
                    || cause instanceof DecoderException && cause.getCause() instanceof SSLException;
        }

        private static void logFailure(Channel channel, Throwable cause) {
            String peer = RemotingAddresses.toAddress(channel.remoteAddress());
            String host = channel.remoteAddress() instanceof InetSocketAddress inet ? inet.getHostString() : peer;
            Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
            // NotSslRecordException's message dumps the peer's bytes (which may hold credentials): never logged
            String reason = root instanceof NotSslRecordException ? "not a TLS record (a plain client?)"
                    : root.getClass().getSimpleName() + ": " + root.getMessage();
            FAILURES.warn(host, "Closing connection {}: TLS handshake failed: {}", peer, RateLimitedLog.escape(reason));
        }
    }
}
