package io.nimbusmq.broker.console.data;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.dispatch.ProcessorBinding;
import io.nimbusmq.remoting.dispatch.ProcessorRegistry;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The console's way to change the broker: it builds the request an admin tool would send (UPDATE_AND_CREATE_TOPIC,
 * DELETE_TOPIC_IN_BROKER, INVOKE_BROKER_TO_RESET_OFFSET, RESEND_DEAD_LETTER, CONSUME_MESSAGE_DIRECTLY, SEND_MESSAGE)
 * and runs it through the processor the broker registered for that code, on that processor's executor. So a change
 * made in the browser takes exactly the path the same change takes from {@code mqadmin}: the same checks, the same
 * side effects (name-server registration, client notifications), the same answers.
 *
 * <p>The request does not cross the network and skips the remoting access control: the console checked its user
 * itself. Processors that answer later (a send waits for the store) write their response to a private in-memory
 * channel whose peer address is the browser's, which is what the message records as its born host.
 */
public final class LocalAdmin {

    private static final long TIMEOUT_MILLIS = 30_000;

    private final ProcessorRegistry registry;

    public LocalAdmin(ProcessorRegistry registry) {
        this.registry = registry;
    }

    /** Whether the broker serves {@code code}. */
    public boolean supports(int code) {
        return registry.binding(code).isPresent();
    }

    /**
     * Runs {@code code} with {@code header} and {@code body} and returns the broker's response, whatever its code.
     *
     * @param peer who asked (the browser's address), or null
     * @throws IllegalStateException when the broker does not serve the code, is too busy, or does not answer in 30 s
     */
    public RemotingCommand invoke(int code, CommandHeader header, byte[] body, InetSocketAddress peer) {
        Optional<ProcessorBinding> binding = registry.binding(code);
        if (binding.isEmpty()) {
            throw new IllegalStateException("this broker does not support request code " + code);
        }
        RemotingCommand request = RemotingCommand.createRequest(code, header).setBody(body);
        CompletableFuture<RemotingCommand> answer = new CompletableFuture<>();
        EmbeddedChannel channel = new ResponseChannel(answer, peer);
        RequestContext context = new RequestContext(channel, request);
        try {
            binding.get().executor().execute(() -> {
                try {
                    RemotingCommand response = binding.get().processor().processRequest(context, request);
                    if (response != null) {
                        answer.complete(response);
                    }
                } catch (Exception | LinkageError e) {
                    answer.completeExceptionally(e);
                }
            });
            return answer.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("the broker is too busy to run this now; try again in a moment", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not finish within " + TIMEOUT_MILLIS / 1000 + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(String.valueOf(cause.getMessage()), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** An in-memory channel whose first written message is the answer. */
    private static final class ResponseChannel extends EmbeddedChannel {

        private final SocketAddress peer;

        ResponseChannel(CompletableFuture<RemotingCommand> answer, InetSocketAddress peer) {
            super(new ChannelOutboundHandlerAdapter() {
                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                    if (msg instanceof RemotingCommand response) {
                        answer.complete(response);
                    }
                    promise.setSuccess();
                }
            });
            this.peer = peer;
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return peer != null ? peer : super.remoteAddress0();
        }
    }
}
