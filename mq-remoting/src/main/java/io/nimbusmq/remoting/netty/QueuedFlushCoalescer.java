package io.nimbusmq.remoting.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.SingleThreadEventExecutor;

/**
 * Client channels: one flush (one socket write) for a burst of requests instead of one per request, without delaying
 * a lone request. The client writes every request from a task on the channel's event loop; when a request's flush
 * comes while other tasks wait in that loop's queue (more requests of the same burst, e.g. many threads sending
 * one-way), the flush is put off to one task queued behind them, and the flushes in between are dropped (their
 * writes are already in the channel's outbound buffer, which that task flushes). With nothing else queued the flush
 * goes out at once, as before. No timer: a put-off flush runs as soon as the loop has run the tasks before it.
 *
 * <p>Writes keep their order (they all pass the pipeline in task order; only flushes move). A close flushes what is
 * still buffered first. One instance per channel; its state is touched only on the channel's event loop.
 */
final class QueuedFlushCoalescer extends ChannelOutboundHandlerAdapter {

    private ChannelHandlerContext context;
    private boolean flushQueued;
    private final Runnable queuedFlush = () -> {
        flushQueued = false;
        context.flush();
    };

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.context = ctx;
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (flushQueued) {
            return;
        }
        if (othersQueued(ctx.executor())) {
            flushQueued = true;
            ctx.executor().execute(queuedFlush);
            return;
        }
        ctx.flush();
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        flushNowIfQueued(ctx);
        ctx.close(promise);
    }

    @Override
    public void disconnect(ChannelHandlerContext ctx, ChannelPromise promise) {
        flushNowIfQueued(ctx);
        ctx.disconnect(promise);
    }

    private void flushNowIfQueued(ChannelHandlerContext ctx) {
        if (flushQueued) {
            flushQueued = false;
            ctx.flush();
        }
    }

    /** Whether tasks other than the running one wait in the loop's queue (never true for other executor kinds). */
    private static boolean othersQueued(EventExecutor executor) {
        return executor instanceof SingleThreadEventExecutor loop && loop.pendingTasks() > 0;
    }
}
