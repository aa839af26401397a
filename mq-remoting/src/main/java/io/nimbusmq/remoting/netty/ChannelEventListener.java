package io.nimbusmq.remoting.netty;

import io.netty.channel.Channel;

/**
 * Connection lifecycle events, e.g. for the broker to expire a client's registrations when its channel goes away.
 * Called on the channel's Netty I/O thread: implementations must return quickly and never block.
 */
public interface ChannelEventListener {

    /** Does nothing. */
    ChannelEventListener NONE = new ChannelEventListener() {
    };

    /** The channel became active. */
    default void onConnect(Channel channel) {
    }

    /** The channel closed, for any reason (peer, idle timeout, protocol error, shutdown). */
    default void onClose(Channel channel) {
    }

    /** The channel saw no traffic for the idle period and is being closed; {@link #onClose} follows. */
    default void onIdle(Channel channel) {
    }

    /** An I/O or pipeline exception occurred; the channel is being closed and {@link #onClose} follows. */
    default void onException(Channel channel, Throwable cause) {
    }
}
