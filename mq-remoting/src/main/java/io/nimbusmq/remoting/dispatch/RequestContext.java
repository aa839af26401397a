package io.nimbusmq.remoting.dispatch;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.nimbusmq.remoting.RateLimitedLog;
import io.nimbusmq.remoting.RemotingAddresses;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a request came from, and the way to answer it later. Kept by processors that defer their answer (long
 * polling): they return {@code null} from {@link RequestProcessor#processRequest} and call
 * {@link #writeResponse(RemotingCommand)} from any thread when the answer is ready.
 */
public final class RequestContext {

    private static final Logger log = LoggerFactory.getLogger(RequestContext.class);
    /** A peer that vanishes mid-answer, again and again, gives one line per host every 10 s. */
    private static final RateLimitedLog peerLog =
            new RateLimitedLog(log, RateLimitedLog.PEER_INTERVAL_MILLIS, Clock.systemUTC());

    private final Channel channel;
    private final RemotingCommand request;

    public RequestContext(Channel channel, RemotingCommand request) {
        this.channel = channel;
        this.request = request;
    }

    /** The connection the request arrived on; also the way to send requests back to this client. */
    public Channel channel() {
        return channel;
    }

    /** The request being processed. */
    public RemotingCommand request() {
        return request;
    }

    /** The peer's {@code "ip:port"}. */
    public String remoteAddress() {
        return RemotingAddresses.toAddress(channel.remoteAddress());
    }

    /** Whether the request is oneway, so that nothing will be written back. */
    public boolean isOneway() {
        return request.isOneway();
    }

    /**
     * Sends {@code response} to the requester, stamped with the request's opaque and the response flag. Does
     * nothing for a oneway request. Safe from any thread; the response is encoded later on the I/O thread, so
     * it must not be changed after this call.
     *
     * @return the write's future; failures are also logged
     */
    public ChannelFuture writeResponse(RemotingCommand response) {
        if (request.isOneway()) {
            return channel.newSucceededFuture();
        }
        if (channel.eventLoop().isShuttingDown()) {
            log.debug("Not answering request code {} opaque {} to {}: transport is shutting down", request.code(),
                    request.opaque(), remoteAddress());
            return channel.newFailedFuture(new IllegalStateException("transport is shutting down"));
        }
        response.setOpaque(request.opaque());
        response.markResponse();
        ChannelFuture write = channel.writeAndFlush(response);
        write.addListener(future -> {
            if (!future.isSuccess() && !channel.isActive()) {
                log.debug("Request code {} opaque {} not answered: {} disconnected", request.code(), request.opaque(),
                        remoteAddress());
            } else if (!future.isSuccess()) {
                peerLog.warn(RemotingAddresses.toHost(channel.remoteAddress()), "Could not answer request code {} "
                        + "opaque {} to {}: {}", request.code(), request.opaque(), remoteAddress(),
                        RateLimitedLog.escape(String.valueOf(future.cause())));
            }
        });
        return write;
    }
}
