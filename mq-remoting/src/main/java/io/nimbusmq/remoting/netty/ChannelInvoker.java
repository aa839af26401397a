package io.nimbusmq.remoting.netty;

import io.netty.channel.Channel;
import io.nimbusmq.remoting.RemotingAddresses;
import io.nimbusmq.remoting.RemotingSendException;
import io.nimbusmq.remoting.dispatch.ResponseTable;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import java.util.concurrent.CompletableFuture;

/** Sends requests on a channel: with a response expected (via the {@link ResponseTable}) or oneway. */
final class ChannelInvoker {

    private final ResponseTable responseTable;

    ChannelInvoker(ResponseTable responseTable) {
        this.responseTable = responseTable;
    }

    CompletableFuture<RemotingCommand> invokeSync(Channel channel, RemotingCommand request, long timeoutMillis) {
        if (request.isResponse() || request.isOneway()) {
            throw new IllegalArgumentException("invokeSync needs a two-way request, got flag " + request.flag());
        }
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis must be positive: " + timeoutMillis);
        }
        if (channel.eventLoop().isShuttingDown()) {
            return CompletableFuture.failedFuture(sendFailure(channel, request,
                    new IllegalStateException("transport is shutting down")));
        }
        CompletableFuture<RemotingCommand> response;
        try {
            response = responseTable.register(channel, request, timeoutMillis);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (response.isDone()) {
            return response;
        }
        channel.writeAndFlush(request).addListener(write -> {
            if (!write.isSuccess()) {
                responseTable.fail(request.opaque(), sendFailure(channel, request, write.cause()));
            }
        });
        return response;
    }

    CompletableFuture<Void> invokeOneway(Channel channel, RemotingCommand request) {
        if (request.isResponse()) {
            throw new IllegalArgumentException("invokeOneway needs a request, got a response");
        }
        request.markOneway();
        if (channel.eventLoop().isShuttingDown()) {
            return CompletableFuture.failedFuture(sendFailure(channel, request,
                    new IllegalStateException("transport is shutting down")));
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        channel.writeAndFlush(request).addListener(write -> {
            if (write.isSuccess()) {
                written.complete(null);
            } else {
                written.completeExceptionally(sendFailure(channel, request, write.cause()));
            }
        });
        return written;
    }

    private static RemotingSendException sendFailure(Channel channel, RemotingCommand request, Throwable cause) {
        return new RemotingSendException("could not send request code " + request.code() + " to "
                + RemotingAddresses.toAddress(channel.remoteAddress()) + ": " + cause, cause);
    }
}
