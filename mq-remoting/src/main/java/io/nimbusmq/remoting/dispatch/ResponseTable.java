package io.nimbusmq.remoting.dispatch;

import io.netty.channel.Channel;
import io.nimbusmq.remoting.RemotingAddresses;
import io.nimbusmq.remoting.RemotingConnectException;
import io.nimbusmq.remoting.RemotingTimeoutException;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests we sent that still wait for their response, keyed by opaque.
 *
 * <p>Our opaques come from one per-process counter ({@link RemotingCommand#nextOpaque()}), so one table serves all
 * connections of a server or client; a response must still arrive on the channel its request went out on, or it
 * is dropped. Each entry leaves the table exactly once: when its response arrives, its timeout fires (scheduled on
 * the channel's event loop), its channel closes, or the caller completes or cancels the future.
 *
 * <p>Futures complete on Netty I/O threads: chain heavy work with the {@code *Async} variants.
 */
public final class ResponseTable {

    private static final Logger log = LoggerFactory.getLogger(ResponseTable.class);

    private final ConcurrentHashMap<Integer, PendingResponse> pending = new ConcurrentHashMap<>();

    private record PendingResponse(Channel channel, int code, CompletableFuture<RemotingCommand> future) {
    }

    /**
     * Registers {@code request} before it is written to {@code channel}.
     *
     * @return a future completed with the response, or exceptionally with {@link RemotingTimeoutException} after
     *     {@code timeoutMillis}, or {@link RemotingConnectException} when the channel closes first
     * @throws IllegalStateException when a request with the same opaque is still pending
     */
    public CompletableFuture<RemotingCommand> register(Channel channel, RemotingCommand request, long timeoutMillis) {
        int opaque = request.opaque();
        CompletableFuture<RemotingCommand> future = new CompletableFuture<>();
        PendingResponse entry = new PendingResponse(channel, request.code(), future);
        if (pending.putIfAbsent(opaque, entry) != null) {
            throw new IllegalStateException("a request with opaque " + opaque + " is already waiting for its response");
        }
        ScheduledFuture<?> timer;
        try {
            timer = channel.eventLoop().schedule(() -> fail(opaque, entry, timeout(entry, opaque, timeoutMillis)),
                    timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.remove(opaque, entry);
            future.completeExceptionally(new RemotingConnectException("channel " + address(channel)
                    + " is shutting down", e));
            return future;
        }
        future.whenComplete((response, failure) -> {
            pending.remove(opaque, entry);
            timer.cancel(false);
        });
        return future;
    }

    /**
     * Hands a response to the request that waits for it.
     *
     * @return false when nobody waits for this opaque on this channel (late, duplicate or foreign); it is dropped
     */
    public boolean complete(Channel channel, RemotingCommand response) {
        PendingResponse entry = pending.get(response.opaque());
        if (entry == null || entry.channel() != channel) {
            log.debug("Dropping response with opaque {} from {}: no request waits for it", response.opaque(),
                    address(channel));
            return false;
        }
        return pending.remove(response.opaque(), entry) && entry.future().complete(response);
    }

    /**
     * Fails the request with {@code opaque}, if it still waits, e.g. because it could not be written.
     *
     * @return whether a waiting request was failed
     */
    public boolean fail(int opaque, Throwable cause) {
        PendingResponse entry = pending.get(opaque);
        return entry != null && fail(opaque, entry, cause);
    }

    /** Fails every request still waiting on {@code channel}, which has closed. */
    public void failChannel(Channel channel) {
        pending.forEach((opaque, entry) -> {
            if (entry.channel() == channel) {
                fail(opaque, entry, new RemotingConnectException("channel " + address(channel)
                        + " closed before the response to request code " + entry.code() + " arrived"));
            }
        });
    }

    /** Fails every waiting request, e.g. at shutdown. */
    public void failAll(String reason) {
        pending.forEach((opaque, entry) -> fail(opaque, entry,
                new RemotingConnectException(reason + "; no response to request code " + entry.code())));
    }

    /** How many requests are waiting. */
    public int pendingCount() {
        return pending.size();
    }

    /** Removes before completing, so that whoever the future wakes up sees the table without the entry. */
    private boolean fail(int opaque, PendingResponse entry, Throwable cause) {
        return pending.remove(opaque, entry) && entry.future().completeExceptionally(cause);
    }

    private static RemotingTimeoutException timeout(PendingResponse entry, int opaque, long timeoutMillis) {
        return new RemotingTimeoutException("no response from " + address(entry.channel()) + " to request code "
                + entry.code() + " (opaque " + opaque + ") within " + timeoutMillis + " ms", timeoutMillis);
    }

    private static String address(Channel channel) {
        return RemotingAddresses.toAddress(channel.remoteAddress());
    }
}
