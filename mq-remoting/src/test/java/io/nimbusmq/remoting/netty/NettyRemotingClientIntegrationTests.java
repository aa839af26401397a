package io.nimbusmq.remoting.netty;

import static io.nimbusmq.remoting.netty.RemotingTestFixture.DEFERRED;
import static io.nimbusmq.remoting.netty.RemotingTestFixture.HELLO;
import static io.nimbusmq.remoting.netty.RemotingTestFixture.echoRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.channel.Channel;
import io.nimbusmq.remoting.RemotingConnectException;
import io.nimbusmq.remoting.RemotingTimeoutException;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.ResponseCode;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyRemotingClientIntegrationTests {

    private static final long TIMEOUT_MILLIS = 10_000;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private RemotingTestFixture fixture;
    private NettyRemotingClient client;

    @BeforeEach
    void start() {
        fixture = new RemotingTestFixture();
        client = fixture.newClient();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private RemotingCommand call(RemotingCommand request) throws Exception {
        return client.invokeSync(fixture.address, request, TIMEOUT_MILLIS).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Test
    void opensOneConnectionPerAddressEvenUnderConcurrentFirstUse() throws Exception {
        List<CompletableFuture<RemotingCommand>> responses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            responses.add(client.invokeSync(fixture.address, echoRequest(i), TIMEOUT_MILLIS));
        }

        CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        call(echoRequest(50));

        assertThat(fixture.serverEvents.connects).hasValue(1);
    }

    @Test
    void reconnectsAfterItsConnectionWasClosed() throws Exception {
        call(echoRequest(1));

        client.closeConnection(fixture.address);

        assertThat(call(echoRequest(2)).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(fixture.serverEvents.connects).hasValue(2);
    }

    @Test
    void reconnectsAfterTheServerClosedTheConnection() throws Exception {
        call(RemotingCommand.createRequest(HELLO));
        Channel serverSide = fixture.helloChannels.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        serverSide.close().await(TIMEOUT_MILLIS);

        await().atMost(WAIT).untilAsserted(() -> assertThat(call(echoRequest(3)).code())
                .isEqualTo(ResponseCode.SUCCESS));
        assertThat(fixture.serverEvents.connects).hasValueGreaterThanOrEqualTo(2);
    }

    @Test
    void failsWithConnectExceptionWhenNobodyListens() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }

        CompletableFuture<RemotingCommand> response =
                client.invokeSync("127.0.0.1:" + freePort, echoRequest(1), TIMEOUT_MILLIS);

        assertThat(response).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(RemotingConnectException.class);
    }

    @Test
    void timesOutRequestsTheServerDoesNotAnswer() throws Exception {
        call(echoRequest(0));

        CompletableFuture<RemotingCommand> response =
                client.invokeSync(fixture.address, RemotingCommand.createRequest(DEFERRED), 300);

        assertThat(response).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(RemotingTimeoutException.class)
                .withMessageContaining("no response from");
        assertThat(client.pendingResponseCount()).isZero();
    }

    @Test
    void closeFailsWaitingRequestsAndRefusesNewOnes() throws Exception {
        CompletableFuture<RemotingCommand> waiting =
                client.invokeSync(fixture.address, RemotingCommand.createRequest(DEFERRED), 60_000);
        fixture.deferred.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        client.close();

        assertThat(waiting).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(RemotingConnectException.class);
        assertThat(client.invokeSync(fixture.address, echoRequest(1), TIMEOUT_MILLIS))
                .failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(RemotingConnectException.class);
    }

    @Test
    void rejectsMalformedAddressesAndArguments() {
        assertThatThrownBy(() -> client.invokeSync("no-port", echoRequest(1), TIMEOUT_MILLIS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.invokeSync(fixture.address, echoRequest(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(client.invokeSync(fixture.address, RemotingCommand.createOnewayRequest(1), TIMEOUT_MILLIS))
                .failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IllegalArgumentException.class);
    }
}
