package io.nimbusmq.remoting.dispatch;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.nimbusmq.remoting.RateLimitedLog;
import io.nimbusmq.remoting.RemotingAddresses;
import io.nimbusmq.remoting.protocol.HeaderFieldException;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.InvalidBodyException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last inbound handler of every remoting channel. Responses (flag bit 0) go to the {@link ResponseTable};
 * requests go to their processor's executor, never running on the I/O thread.
 *
 * <p>Answers it gives on its own, never to oneway requests:
 * <ul>
 *   <li>the registry's {@link RequestPreprocessor} refuses the request: its response;</li>
 *   <li>no processor for the code: REQUEST_CODE_NOT_SUPPORTED, {@code " request type <code> not supported"};</li>
 *   <li>the executor refuses the task: SYSTEM_BUSY {@code [OVERLOAD]...};</li>
 *   <li>{@link RequestProcessor#rejectRequest()}: SYSTEM_BUSY {@code [REJECTREQUEST]...};</li>
 *   <li>a {@link HeaderFieldException} or an {@link InvalidBodyException}: SYSTEM_ERROR with its message, which
 *   names the field or the body;</li>
 *   <li>any other exception: SYSTEM_ERROR with the exception's type and message.</li>
 * </ul>
 *
 * <p>Bad headers and bodies are the peer's fault: one WARN line without a stack trace, peer text escaped, at most one
 * every {@link RateLimitedLog#PEER_INTERVAL_MILLIS} ms per peer host. Any other exception is ours: logged with its
 * stack trace, rate-limited the same way, so that a peer that keeps triggering it cannot flood the log.
 */
@ChannelHandler.Sharable
public final class RequestDispatcher extends SimpleChannelInboundHandler<RemotingCommand> {

    static final String OVERLOAD_REMARK = "[OVERLOAD]system busy, start flow control for a while";
    static final String REJECT_REMARK = "[REJECTREQUEST]system busy, start flow control for a while";

    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);
    private static final RateLimitedLog peerLog =
            new RateLimitedLog(log, RateLimitedLog.PEER_INTERVAL_MILLIS, Clock.systemUTC());

    private final ProcessorRegistry registry;
    private final ResponseTable responseTable;

    public RequestDispatcher(ProcessorRegistry registry, ResponseTable responseTable) {
        this.registry = registry;
        this.responseTable = responseTable;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand command) {
        if (command.isResponse()) {
            responseTable.complete(ctx.channel(), command);
        } else {
            dispatch(ctx.channel(), command);
        }
    }

    private void dispatch(Channel channel, RemotingCommand request) {
        RequestContext context = new RequestContext(channel, request);
        Optional<ProcessorBinding> binding = registry.binding(request.code());
        if (binding.isEmpty()) {
            log.debug("Request code {} from {} is not supported", request.code(), context.remoteAddress());
            answer(context, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    " request type " + request.code() + " not supported");
            return;
        }
        try {
            binding.get().executor().execute(new QueuedRequest(binding.get().processor(), registry.preprocessor(),
                    context, System.nanoTime()));
        } catch (RejectedExecutionException e) {
            peerLog.warn("overload " + request.code(), "Executor for request code {} is full; answering {} with "
                    + "SYSTEM_BUSY", request.code(), context.remoteAddress());
            answer(context, ResponseCode.SYSTEM_BUSY, OVERLOAD_REMARK);
        }
    }

    private void process(RequestProcessor processor, RequestPreprocessor preprocessor, RequestContext context) {
        RemotingCommand request = context.request();
        try {
            RemotingCommand refusal = preprocessor.preprocess(context);
            if (refusal != null) {
                context.writeResponse(refusal);
                return;
            }
            if (processor.rejectRequest()) {
                answer(context, ResponseCode.SYSTEM_BUSY, REJECT_REMARK);
                return;
            }
            RemotingCommand response = processor.processRequest(context, request);
            if (response != null) {
                context.writeResponse(response);
            }
        } catch (HeaderFieldException | InvalidBodyException e) {
            peerLog.warn(peer(context) + " input", "Bad request code {} from {}: {}", request.code(),
                    context.remoteAddress(), RateLimitedLog.escape(e.getMessage()));
            answer(context, ResponseCode.SYSTEM_ERROR, e.getMessage());
        } catch (Throwable e) {
            peerLog.warn(peer(context) + " error", "Processor {} failed on request code {} from {}",
                    processor.getClass().getName(), request.code(), context.remoteAddress(), e);
            answer(context, ResponseCode.SYSTEM_ERROR, describe(e));
        }
    }

    private static String peer(RequestContext context) {
        return RemotingAddresses.toHost(context.channel().remoteAddress());
    }

    /** A request waiting for its processor's thread; knows since when (the executor's queue statistics). */
    private final class QueuedRequest implements QueuedTask {
        private final RequestProcessor processor;
        private final RequestPreprocessor preprocessor;
        private final RequestContext context;
        private final long queuedAtNanos;

        QueuedRequest(RequestProcessor processor, RequestPreprocessor preprocessor, RequestContext context,
                long queuedAtNanos) {
            this.processor = processor;
            this.preprocessor = preprocessor;
            this.context = context;
            this.queuedAtNanos = queuedAtNanos;
        }

        @Override
        public long queuedAtNanos() {
            return queuedAtNanos;
        }

        @Override
        public void run() {
            process(processor, preprocessor, context);
        }
    }

    private static void answer(RequestContext context, int code, String remark) {
        context.writeResponse(RemotingCommand.createResponse(context.request(), code, remark));
    }

    private static String describe(Throwable e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }
}
