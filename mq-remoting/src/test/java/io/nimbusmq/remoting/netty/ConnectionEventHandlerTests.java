package io.nimbusmq.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.nimbusmq.remoting.RemotingConnectException;
import io.nimbusmq.remoting.dispatch.ResponseTable;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ConnectionEventHandlerTests {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ResponseTable responseTable = new ResponseTable();
    private final ChannelEventListener listener = new ChannelEventListener() {
        @Override
        public void onConnect(Channel channel) {
            events.add("connect");
        }

        @Override
        public void onClose(Channel channel) {
            events.add("close");
        }

        @Override
        public void onIdle(Channel channel) {
            events.add("idle");
        }

        @Override
        public void onException(Channel channel, Throwable cause) {
            events.add("exception:" + cause.getMessage());
        }
    };

    private final EmbeddedChannel channel =
            new EmbeddedChannel(new ConnectionEventHandler(listener, responseTable));

    @Test
    void reportsConnectAndClose() {
        channel.close();

        assertThat(events).containsExactly("connect", "close");
    }

    @Test
    void closesIdleChannels() {
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);

        assertThat(channel.isOpen()).isFalse();
        assertThat(events).containsExactly("connect", "idle", "close");
    }

    @Test
    void closesOnPipelineExceptions() {
        channel.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));

        assertThat(channel.isOpen()).isFalse();
        assertThat(events).containsExactly("connect", "exception:Connection reset by peer", "close");
    }

    @Test
    void failsPendingRequestsWhenTheChannelCloses() {
        CompletableFuture<RemotingCommand> pending =
                responseTable.register(channel, RemotingCommand.createRequest(307), 60_000);

        channel.close();

        assertThat(pending).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(RemotingConnectException.class);
    }

    @Test
    void survivesAFailingListener() {
        EmbeddedChannel other = new EmbeddedChannel(new ConnectionEventHandler(new ChannelEventListener() {
            @Override
            public void onClose(Channel channel) {
                throw new IllegalStateException("listener bug");
            }
        }, responseTable));

        other.close();

        assertThat(other.isOpen()).isFalse();
    }
}
