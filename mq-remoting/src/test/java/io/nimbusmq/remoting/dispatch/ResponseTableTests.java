package io.nimbusmq.remoting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.RemotingConnectException;
import io.nimbusmq.remoting.RemotingTimeoutException;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.ResponseCode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseTableTests {

    private final ResponseTable table = new ResponseTable();
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final EmbeddedChannel otherChannel = new EmbeddedChannel();

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
        otherChannel.finishAndReleaseAll();
    }

    @Test
    void completesTheRequestWithTheSameOpaqueOnTheSameChannel() throws Exception {
        RemotingCommand request = RemotingCommand.createRequest(40);
        CompletableFuture<RemotingCommand> future = table.register(channel, request, 60_000);

        boolean matched = table.complete(channel, RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null));

        assertThat(matched).isTrue();
        assertThat(future.get(30, TimeUnit.SECONDS).opaque()).isEqualTo(request.opaque());
        assertThat(table.pendingCount()).isZero();
    }

    @Test
    void dropsResponsesArrivingOnAnotherChannel() {
        RemotingCommand request = RemotingCommand.createRequest(40);
        CompletableFuture<RemotingCommand> future = table.register(channel, request, 60_000);

        boolean matched = table.complete(otherChannel,
                RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null));

        assertThat(matched).isFalse();
        assertThat(future).isNotDone();
        assertThat(table.pendingCount()).isEqualTo(1);
    }

    @Test
    void timesOutAndForgetsTheRequest() {
        channel.freezeTime();
        RemotingCommand request = RemotingCommand.createRequest(39);
        CompletableFuture<RemotingCommand> future = table.register(channel, request, 3_000);

        channel.advanceTimeBy(2_999, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(future).isNotDone();
        channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();

        assertThatThrownBy(future::get)
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(RemotingTimeoutException.class)
                .hasMessageContaining("request code 39")
                .hasMessageContaining("3000 ms");
        assertThat(table.pendingCount()).isZero();
        assertThat(table.complete(channel, RemotingCommand.createResponse(request, 0, null))).isFalse();
    }

    @Test
    void failsOnlyTheRequestsOfAClosedChannel() {
        CompletableFuture<RemotingCommand> onClosed = table.register(channel, RemotingCommand.createRequest(1), 60_000);
        CompletableFuture<RemotingCommand> onOther =
                table.register(otherChannel, RemotingCommand.createRequest(1), 60_000);

        table.failChannel(channel);

        assertThat(onClosed).isCompletedExceptionally();
        assertThatThrownBy(onClosed::get).cause().isInstanceOf(RemotingConnectException.class)
                .hasMessageContaining("closed before the response");
        assertThat(onOther).isNotDone();
        assertThat(table.pendingCount()).isEqualTo(1);
    }

    @Test
    void failAllEmptiesTheTable() {
        CompletableFuture<RemotingCommand> future = table.register(channel, RemotingCommand.createRequest(1), 60_000);

        table.failAll("shutting down");

        assertThatThrownBy(future::get).cause().isInstanceOf(RemotingConnectException.class)
                .hasMessageContaining("shutting down");
        assertThat(table.pendingCount()).isZero();
    }

    @Test
    void refusesASecondRequestWithTheSameOpaque() {
        RemotingCommand request = new RemotingCommand().setCode(1).setOpaque(5);
        table.register(channel, request, 60_000);

        assertThatThrownBy(() -> table.register(channel, new RemotingCommand().setCode(2).setOpaque(5), 60_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("opaque 5");
    }

    @Test
    void forgetsRequestsTheCallerCancels() {
        CompletableFuture<RemotingCommand> future = table.register(channel, RemotingCommand.createRequest(1), 60_000);

        future.cancel(false);

        assertThat(table.pendingCount()).isZero();
    }
}
