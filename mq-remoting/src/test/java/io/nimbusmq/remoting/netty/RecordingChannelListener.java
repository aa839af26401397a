package io.nimbusmq.remoting.netty;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts channel events, for assertions in tests. */
final class RecordingChannelListener implements ChannelEventListener {

    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    final AtomicInteger idles = new AtomicInteger();
    final AtomicInteger exceptions = new AtomicInteger();

    @Override
    public void onConnect(Channel channel) {
        connects.incrementAndGet();
    }

    @Override
    public void onClose(Channel channel) {
        closes.incrementAndGet();
    }

    @Override
    public void onIdle(Channel channel) {
        idles.incrementAndGet();
    }

    @Override
    public void onException(Channel channel, Throwable cause) {
        exceptions.incrementAndGet();
    }
}
