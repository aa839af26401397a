package io.nimbusmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.client.producer.Producer;
import io.nimbusmq.client.producer.ProducerConfig;
import io.nimbusmq.remoting.dispatch.ProcessorRegistry;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.NettyRemotingServer;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.netty.RemotingConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;

/**
 * Failures a person notices: an unreachable name server fails sends with an error naming the lookup and shows DOWN
 * (its once-per-address WARN: {@code ReachabilityTests}); a route lookup that gets no answer is tried again within the send's budget, and when the budget runs out the
 * error names the step; a missing route says how to create the topic.
 */
class FailureReportingIntegrationTests {

    @RegisterExtension
    static final NimbusBrokerExtension BROKER = new NimbusBrokerExtension();

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private NettyRemotingServer fakeNameServer;
    private NettyRemotingClient forwarder;

    @AfterEach
    void stop() {
        if (fakeNameServer != null) {
            fakeNameServer.shutdown();
        }
        if (forwarder != null) {
            forwarder.close();
        }
        executor.shutdownNow();
    }

    @Test
    void anUnreachableNameServerFailsSendsNamingTheLookupAndShowsDown() throws IOException {
        String dead = "127.0.0.1:" + closedPort();
        MqClient client = BROKER.closeAfterTest(MqClient.create(ClientConfig.builder().nameServer(dead)
                .instanceName(NimbusBrokerExtension.uniqueName("dead-ns")).build()));
        Producer producer = BROKER.closeAfterTest(client.producer(ProducerConfig.builder(
                NimbusBrokerExtension.uniqueName("p")).build()));
        producer.start();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> producer.send(new Message("orders", "x".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(MqClientException.class).hasMessageContaining("route lookup of orders failed")
                    .hasMessageContaining("GET_ROUTEINFO_BY_TOPIC (105) to " + dead);
        }
        Connectivity.Server server = client.connectivity().nameServers().get(0);
        assertThat(server.status()).isEqualTo(Connectivity.Status.DOWN);
        assertThat(server.lastError()).contains(dead);
        assertThat(client.probeNameServers(Duration.ofSeconds(5)).anyNameServerUp()).isFalse();
    }

    @Test
    void aLiveNameServerProbesUp() {
        assertThat(BROKER.client().probeNameServers(Duration.ofSeconds(30)).nameServers())
                .singleElement().satisfies(server -> assertThat(server.status()).isEqualTo(Connectivity.Status.UP));
    }

    @Test
    void aRouteLookupWithoutAnAnswerIsTriedAgainWithinTheSendBudget() {
        AtomicInteger lookups = startFakeNameServer(1);
        String topic = BROKER.createTopic("retried-lookup", 2);
        MqClient client = BROKER.closeAfterTest(MqClient.create(ClientConfig.builder()
                .nameServer(fakeNameServerAddress()).requestTimeout(Duration.ofSeconds(5))
                .instanceName(NimbusBrokerExtension.uniqueName("slow-ns")).build()));
        Producer producer = BROKER.closeAfterTest(client.producer(ProducerConfig.builder(
                NimbusBrokerExtension.uniqueName("p")).sendTimeout(Duration.ofSeconds(60)).build()));

        SendResult result = producer.send(new Message(topic, "x".getBytes(StandardCharsets.UTF_8)));

        assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
        assertThat(lookups.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aSendWhoseBudgetTheRouteLookupUsesUpSaysSo() {
        startFakeNameServer(Integer.MAX_VALUE);
        MqClient client = BROKER.closeAfterTest(MqClient.create(ClientConfig.builder()
                .nameServer(fakeNameServerAddress()).requestTimeout(Duration.ofSeconds(30))
                .instanceName(NimbusBrokerExtension.uniqueName("mute-ns")).build()));
        Producer producer = BROKER.closeAfterTest(client.producer(ProducerConfig.builder(
                NimbusBrokerExtension.uniqueName("p")).sendTimeout(Duration.ofMillis(800)).build()));

        assertThatThrownBy(() -> producer.send(new Message("budget", "x".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MqClientException.class).hasMessageContaining("route lookup of budget failed")
                .hasMessageContaining("GET_ROUTEINFO_BY_TOPIC (105)");
    }

    @Test
    void aMissingRouteSaysHowToCreateTheTopic() throws IOException {
        Path store = Files.createTempDirectory("no-auto-create-");
        BROKER.closeAfterTest((AutoCloseable) () -> NimbusBrokerExtension.deleteRecursively(store));
        EmbeddedBroker strict = BROKER.closeAfterTest(EmbeddedBroker.builder().port(0).storeDir(store)
                .autoCreateTopicEnable(false).build());
        strict.start();
        MqClient client = BROKER.closeAfterTest(MqClient.create(ClientConfig.builder().nameServer(strict.address())
                .instanceName(NimbusBrokerExtension.uniqueName("strict")).build()));
        Producer producer = BROKER.closeAfterTest(client.producer(ProducerConfig.builder(
                NimbusBrokerExtension.uniqueName("p")).build()));

        assertThatThrownBy(() -> producer.send(new Message("undeclared", "x".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(MqClientException.class, e -> assertThat(e.responseCode()).isEqualTo(17))
                .hasMessageContaining("No route info of this topic: undeclared")
                .hasMessageContaining("mqadmin updateTopic -n <name server> -c <cluster> -t undeclared")
                .hasMessageContaining("[TOPIC_NOT_EXIST (17)]");
    }

    /**
     * A name server in front of the broker's own that leaves the first {@code unanswered} route lookups unanswered
     * and forwards the others.
     *
     * @return how many route lookups it received
     */
    private AtomicInteger startFakeNameServer(int unanswered) {
        AtomicInteger lookups = new AtomicInteger();
        forwarder = new NettyRemotingClient(RemotingClientConfig.defaults());
        ProcessorRegistry registry = new ProcessorRegistry().register((context, request) -> {
            if (lookups.incrementAndGet() <= unanswered) {
                return null;
            }
            RemotingCommand forwarded = RemotingCommand.createRequest(request.code());
            forwarded.setExtFields(request.extFields());
            RemotingCommand answer = forwarder.invokeSync(BROKER.address(), forwarded, 30_000).join();
            RemotingCommand response = RemotingCommand.createResponse(request, answer.code(), answer.remark());
            return response.setBody(answer.body());
        }, executor, RequestCode.GET_ROUTEINFO_BY_TOPIC);
        fakeNameServer = new NettyRemotingServer(RemotingConfig.defaults().withBindHost("127.0.0.1").withPort(0),
                registry);
        fakeNameServer.start();
        return lookups;
    }

    private String fakeNameServerAddress() {
        return "127.0.0.1:" + fakeNameServer.localAddress().getPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
