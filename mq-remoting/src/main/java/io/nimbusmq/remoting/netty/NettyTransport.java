package io.nimbusmq.remoting.netty;

import java.util.concurrent.ThreadFactory;
import java.util.function.BiFunction;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The Netty I/O flavour in use: native epoll when asked for and available, NIO otherwise.
 *
 * <p>Event loop groups are made with the API that Netty 4.1 and 4.2 share ({@code NioEventLoopGroup},
 * {@code EpollEventLoopGroup}; 4.2 keeps them, deprecated, over its {@code MultiThreadIoEventLoopGroup}), so that the
 * client runs on the Netty of a Spring Boot 3.5 application (4.1) as well as on Boot 4's (4.2).
 */
@SuppressWarnings("deprecation")
record NettyTransport(String name, BiFunction<Integer, ThreadFactory, EventLoopGroup> groups,
                      Class<? extends ServerChannel> serverChannelType, Class<? extends Channel> channelType) {

    static NettyTransport select(boolean preferEpoll) {
        if (preferEpoll && Epoll.isAvailable()) {
            return new NettyTransport("epoll", EpollEventLoopGroup::new, EpollServerSocketChannel.class,
                    EpollSocketChannel.class);
        }
        return new NettyTransport("nio", NioEventLoopGroup::new, NioServerSocketChannel.class,
                NioSocketChannel.class);
    }

    /** An event loop group of {@code threads} daemon threads named {@code <poolName>-...}. */
    EventLoopGroup newEventLoopGroup(int threads, String poolName) {
        return groups.apply(threads, new DefaultThreadFactory(poolName, true));
    }
}
