package io.nimbusmq.remoting.netty;

import static io.nimbusmq.remoting.netty.RemotingTestFixture.DEFERRED;
import static io.nimbusmq.remoting.netty.RemotingTestFixture.ECHO;
import static io.nimbusmq.remoting.netty.RemotingTestFixture.FAIL;
import static io.nimbusmq.remoting.netty.RemotingTestFixture.HELLO;
import static io.nimbusmq.remoting.netty.RemotingTestFixture.NEEDS_HEADER;
import static io.nimbusmq.remoting.netty.RemotingTestFixture.SINK;
import static io.nimbusmq.remoting.netty.RemotingTestFixture.SINK_PROBE;
import static io.nimbusmq.remoting.netty.RemotingTestFixture.echoRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.channel.Channel;
import io.nimbusmq.remoting.RemotingConnectException;
import io.nimbusmq.remoting.RemotingTimeoutException;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.protocol.GoldenFrames;
import io.nimbusmq.remoting.protocol.LanguageCode;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingVersion;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.SerializeType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real server on 127.0.0.1, an ephemeral port, and real clients: request/response correlation, error answers,
 * deferred answers and server-initiated requests. Malformed input is covered by
 * {@link MalformedFrameIntegrationTests}.
 */
class NettyRemotingServerIntegrationTests {

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

    /** The server-side channel of {@link #client}. */
    private Channel clientChannel() throws Exception {
        assertThat(call(RemotingCommand.createRequest(HELLO)).code()).isEqualTo(ResponseCode.SUCCESS);
        return fixture.helloChannels.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Test
    void startsOnAnEphemeralPortOfTheLoopback() {
        assertThat(fixture.socketAddress.getPort()).isPositive();
        assertThat(fixture.socketAddress.getAddress().isLoopbackAddress()).isTrue();
        assertThat(fixture.server.localAddress()).isEqualTo(fixture.socketAddress);
    }

    @Test
    void answersARequestWithItsOpaque() throws Exception {
        RemotingCommand request = echoRequest(1);

        RemotingCommand response = call(request);

        assertThat(response.isResponse()).isTrue();
        assertThat(response.opaque()).isEqualTo(request.opaque());
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.version()).isEqualTo(RemotingVersion.CURRENT);
        assertThat(response.language()).isEqualTo(LanguageCode.JAVA);
        assertThat(response.extFields()).containsEntry("seq", "1");
        assertThat(response.body()).isEqualTo(request.body());
    }

    @Test
    void correlatesManyConcurrentRequestsByOpaque() throws Exception {
        List<NettyRemotingClient> clients = List.of(client, fixture.newClient(), fixture.newClient());
        List<RemotingCommand> requests = new ArrayList<>();
        List<CompletableFuture<RemotingCommand>> responses = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            RemotingCommand request = echoRequest(i);
            requests.add(request);
            responses.add(clients.get(i % clients.size()).invokeSync(fixture.address, request, 30_000));
        }

        CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        for (int i = 0; i < requests.size(); i++) {
            RemotingCommand response = responses.get(i).get();
            assertThat(response.opaque()).isEqualTo(requests.get(i).opaque());
            assertThat(response.extFields()).containsEntry("seq", String.valueOf(i));
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("body-" + i);
        }
        assertThat(fixture.serverEvents.connects).hasValue(3);
        assertThat(client.pendingResponseCount()).isZero();
    }

    @Test
    void neverAnswersOnewayRequests() throws Exception {
        try (RawConnection raw = new RawConnection(fixture.socketAddress)) {
            RemotingCommand oneway = RemotingCommand.createOnewayRequest(SINK).putExtField("n", 1);
            RemotingCommand probe = RemotingCommand.createRequest(SINK_PROBE);

            raw.send(oneway);
            raw.send(probe);

            RemotingCommand first = raw.readCommand();
            assertThat(first.opaque()).isEqualTo(probe.opaque());
            assertThat(first.remark()).isEqualTo("code " + SINK_PROBE);
            assertThat(fixture.sunk.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).extFields()).containsEntry("n", "1");
        }
    }

    @Test
    void onewayFromTheClientReachesTheProcessor() throws Exception {
        client.invokeOneway(fixture.address, RemotingCommand.createRequest(SINK).putExtField("n", 2))
                .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        RemotingCommand received = fixture.sunk.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(received.isOneway()).isTrue();
        assertThat(received.extFields()).containsEntry("n", "2");
    }

    @Test
    void answersUnknownCodesWithNotSupported() throws Exception {
        RemotingCommand response = call(RemotingCommand.createRequest(4242));

        assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertThat(response.remark()).isEqualTo(" request type 4242 not supported");
    }

    @Test
    void answersProcessorFailuresWithSystemErrorAndKeepsServing() throws Exception {
        RemotingCommand failed = call(RemotingCommand.createRequest(FAIL));

        assertThat(failed.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(failed.remark()).contains("boom");
        assertThat(call(echoRequest(2)).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(fixture.serverEvents.connects).hasValue(1);
    }

    @Test
    void answersMissingHeaderFieldsWithAnErrorNamingTheField() throws Exception {
        RemotingCommand missing = call(RemotingCommand.createRequest(NEEDS_HEADER).putExtField("queueId", 1));
        RemotingCommand invalid = call(RemotingCommand.createRequest(NEEDS_HEADER).putExtField("topic", "T")
                .putExtField("queueId", "one"));
        RemotingCommand fine = call(RemotingCommand.createRequest(NEEDS_HEADER).putExtField("topic", "T")
                .putExtField("queueId", 3));

        assertThat(missing.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(missing.remark()).contains("'topic'");
        assertThat(invalid.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(invalid.remark()).contains("'queueId'").contains("'one'");
        assertThat(fine.remark()).isEqualTo("T/3");
    }

    @Test
    void deliversADeferredAnswerWrittenLater() throws Exception {
        RemotingCommand request = RemotingCommand.createRequest(DEFERRED);
        CompletableFuture<RemotingCommand> response = client.invokeSync(fixture.address, request, TIMEOUT_MILLIS);
        RequestContext held = fixture.deferred.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(response).isNotDone();

        held.writeResponse(new RemotingCommand().setCode(ResponseCode.PULL_NOT_FOUND).setRemark("OFFSET_OVERFLOW_ONE"));

        RemotingCommand answer = response.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(answer.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(answer.opaque()).isEqualTo(request.opaque());
        assertThat(held.remoteAddress()).startsWith("127.0.0.1:");
    }

    @Test
    void acceptsRocketMqHeadersAndAnswersInJson() throws Exception {
        RemotingCommand request = echoRequest(3).setSerializeType(SerializeType.ROCKETMQ);

        RemotingCommand response = call(request);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.extFields()).containsEntry("seq", "3");
        assertThat(response.serializeType()).isEqualTo(SerializeType.JSON);
    }

    @Test
    void answersTheOfficialGoldenFramesOverARawSocket() throws Exception {
        try (RawConnection raw = new RawConnection(fixture.socketAddress)) {
            raw.send(GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_JSON));
            raw.send(GoldenFrames.load(GoldenFrames.GET_MAX_OFFSET_ROCKETMQ));

            for (int i = 0; i < 2; i++) {
                RemotingCommand response = raw.readCommand();
                assertThat(response.opaque()).isEqualTo(7);
                assertThat(response.isResponse()).isTrue();
                assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
                assertThat(response.remark()).isEqualTo(" request type 30 not supported");
                assertThat(response.serializeType()).isEqualTo(SerializeType.JSON);
            }
        }
    }

    @Test
    void carriesLargeBodies() throws Exception {
        byte[] body = new byte[4 * 1024 * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }

        RemotingCommand response = call(RemotingCommand.createRequest(ECHO).setBody(body));

        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void sendsRequestsToAConnectedClientAndGetsItsAnswer() throws Exception {
        Channel channel = clientChannel();

        RemotingCommand answer = fixture.server.invokeSync(channel, RemotingCommand
                        .createRequest(RequestCode.GET_CONSUMER_RUNNING_INFO).putExtField("clientId", "c1"),
                TIMEOUT_MILLIS).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("running c1");
        assertThat(fixture.server.pendingResponseCount()).isZero();
    }

    @Test
    void sendsOnewayRequestsToAConnectedClient() throws Exception {
        Channel channel = clientChannel();

        fixture.server.invokeOneway(channel, RemotingCommand.createRequest(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED)
                .putExtField("consumerGroup", "cg")).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        RemotingCommand received = fixture.clientReceived.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(received.code()).isEqualTo(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED);
        assertThat(received.isOneway()).isTrue();
        assertThat(received.extFields()).containsEntry("consumerGroup", "cg");
    }

    @Test
    void timesOutServerInitiatedRequestsTheClientNeverAnswers() throws Exception {
        Channel channel = clientChannel();

        CompletableFuture<RemotingCommand> answer = fixture.server.invokeSync(channel,
                RemotingCommand.createRequest(RequestCode.CHECK_TRANSACTION_STATE), 200);

        assertThat(answer).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(RemotingTimeoutException.class);
        assertThat(fixture.server.pendingResponseCount()).isZero();
    }

    @Test
    void failsServerInitiatedRequestsWhenTheClientDisconnects() throws Exception {
        Channel channel = clientChannel();
        CompletableFuture<RemotingCommand> answer = fixture.server.invokeSync(channel,
                RemotingCommand.createRequest(RequestCode.CHECK_TRANSACTION_STATE), 60_000);
        fixture.clientReceived.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        client.close();

        assertThat(answer).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(RemotingConnectException.class);
        await().atMost(WAIT).until(() -> fixture.serverEvents.closes.get() == 1);
        assertThat(fixture.server.pendingResponseCount()).isZero();
    }

    @Test
    void aSecondPortIsServedLikeTheFirstAndClosedWithIt() throws Exception {
        InetSocketAddress second = fixture.server.listenAlso(0);
        String secondAddress = "127.0.0.1:" + second.getPort();
        assertThat(second.getPort()).isNotEqualTo(fixture.socketAddress.getPort());

        RemotingCommand echoed = client.invokeSync(secondAddress, echoRequest(7), TIMEOUT_MILLIS)
                .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(echoed.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(client.invokeSync(secondAddress, RemotingCommand.createRequest(HELLO), TIMEOUT_MILLIS)
                .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).code()).isEqualTo(ResponseCode.SUCCESS);
        Channel onSecondPort = fixture.helloChannels.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        RemotingCommand answer = fixture.server.invokeSync(onSecondPort, RemotingCommand
                .createRequest(RequestCode.GET_CONSUMER_RUNNING_INFO).putExtField("clientId", "c2"), TIMEOUT_MILLIS)
                .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("running c2");

        fixture.server.shutdown();

        assertThatThrownBy(() -> new Socket(second.getAddress(), second.getPort()).close())
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> fixture.server.listenAlso(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shutdownClosesConnectionsAndFailsWaitingClients() throws Exception {
        CompletableFuture<RemotingCommand> waiting =
                client.invokeSync(fixture.address, RemotingCommand.createRequest(DEFERRED), 60_000);
        fixture.deferred.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        fixture.server.shutdown();

        assertThat(waiting).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(RemotingConnectException.class);
        assertThat(fixture.server.connectionCount()).isZero();
    }

    @Test
    void closesIdleConnections() throws Exception {
        try (RemotingTestFixture idleFixture = new RemotingTestFixture(RemotingConfig.defaults()
                .withIdleCloseSeconds(1));
             RawConnection raw = new RawConnection(idleFixture.socketAddress)) {

            raw.assertClosedByServer();

            await().atMost(WAIT).until(() -> idleFixture.serverEvents.closes.get() == 1);
            assertThat(idleFixture.serverEvents.idles).hasValue(1);
        }
    }
}
