package io.nimbusmq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real event loops (in-JVM channels): the flushes that reach the socket end of the client's pipeline are counted. */
class QueuedFlushCoalescerTests {

    private final EventLoopGroup group = new DefaultEventLoopGroup(1);
    private final EventLoopGroup serverGroup = new DefaultEventLoopGroup(1);
    private final AtomicInteger socketFlushes = new AtomicInteger();
    private final List<Object> received = new CopyOnWriteArrayList<>();
    private Channel server;
    private Channel client;

    @BeforeEach
    void connect() throws InterruptedException {
        LocalAddress address = new LocalAddress("flush-coalescer-" + System.nanoTime());
        server = new ServerBootstrap().group(serverGroup).channel(LocalServerChannel.class)
                .childHandler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel channel) {
                        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object message) {
                                received.add(message);
                            }
                        });
                    }
                }).bind(address).sync().channel();
        client = new Bootstrap().group(group).channel(LocalChannel.class)
                .handler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel channel) {
                        channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
                            @Override
                            public void flush(ChannelHandlerContext ctx) {
                                socketFlushes.incrementAndGet();
                                ctx.flush();
                            }
                        });
                        channel.pipeline().addLast(new QueuedFlushCoalescer());
                    }
                }).connect(address).sync().channel();
    }

    @AfterEach
    void close() {
        client.close().syncUninterruptibly();
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        serverGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aLoneWriteIsFlushedWithinItsOwnTask() throws Exception {
        int flushesBefore = socketFlushes.get();

        int flushedInTask = client.eventLoop().submit(() -> {
            client.writeAndFlush("lone");
            return socketFlushes.get();
        }).get(10, TimeUnit.SECONDS);

        assertThat(flushedInTask).as("flushed before the task returned, no task queued behind it")
                .isEqualTo(flushesBefore + 1);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> received.contains("lone"));
    }

    @Test
    void aBurstOfQueuedWritesGoesOutInOneFlushAndInOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        client.eventLoop().execute(() -> await(release)); // hold the loop while the burst queues up
        int burst = 1_000;
        for (int i = 0; i < burst; i++) {
            String message = "m" + i;
            client.eventLoop().execute(() -> client.writeAndFlush(message));
        }
        int flushesBefore = socketFlushes.get();

        release.countDown();

        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> received.size() == burst);
        assertThat(received).containsExactlyElementsOf(IntStream.range(0, burst)
                .mapToObj(i -> "m" + i).toList());
        assertThat(socketFlushes.get() - flushesBefore).as("one put-off flush behind the burst").isEqualTo(1);
    }

    @Test
    void aCloseFlushesWhatAPutOffFlushStillHolds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        client.eventLoop().execute(() -> await(release));
        client.eventLoop().execute(() -> client.writeAndFlush("last words"));
        client.eventLoop().execute(() -> client.close());

        release.countDown();

        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> received.contains("last words"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
