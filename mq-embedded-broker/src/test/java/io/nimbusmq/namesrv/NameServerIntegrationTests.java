package io.nimbusmq.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nimbusmq.broker.registration.BrokerIdentity;
import io.nimbusmq.broker.registration.LocalNameServerRegistrar;
import io.nimbusmq.broker.registration.NameServerRegistrationException;
import io.nimbusmq.broker.registration.RemoteNameServerRegistrar;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.dispatch.ProcessorExecutors;
import io.nimbusmq.remoting.dispatch.ProcessorRegistry;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.NettyRemotingServer;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.netty.RemotingConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingVersion;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.ClusterInfo;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A standalone name server on 127.0.0.1, a broker registering over the wire, and a raw client asking for routes. */
class NameServerIntegrationTests {

    private static final String ROUTE_JSON = "{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":\"127.0.0.1:20911\"},"
            + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\",\"enableActingMaster\":false}],"
            + "\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,\"readQueueNums\":4,"
            + "\"topicSysFlag\":0,\"writeQueueNums\":4}]}";
    private static final BrokerIdentity BROKER = BrokerIdentity.master("broker-a", "127.0.0.1:20911");
    private static final long TIMEOUT_MILLIS = 30_000;

    private StandaloneNameServer nameServer;
    private String address;
    private NettyRemotingClient brokerClient;
    private NettyRemotingClient client;
    private RemoteNameServerRegistrar registrar;

    @BeforeEach
    void start() {
        nameServer = NameServer.standalone(RemotingConfig.defaults().withPort(0));
        address = "127.0.0.1:" + nameServer.start().getPort();
        brokerClient = new NettyRemotingClient(RemotingClientConfig.defaults());
        client = new NettyRemotingClient(RemotingClientConfig.defaults());
        registrar = new RemoteNameServerRegistrar(brokerClient, List.of(address), TIMEOUT_MILLIS);
    }

    @AfterEach
    void stop() {
        client.close();
        brokerClient.close();
        nameServer.close();
    }

    @Test
    void routeOfARegisteredBrokerIsServedAsStandardJson() throws Exception {
        register(TopicConfig.of("TopicTest", 4));

        RemotingCommand response = invoke(Requests.routeRequest("TopicTest", RemotingVersion.V5_3_1));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(ROUTE_JSON);
    }

    @Test
    void oldClientsGetUnquotedNumericKeys() throws Exception {
        register(TopicConfig.of("TopicTest", 4));

        RemotingCommand response = invoke(Requests.routeRequest("TopicTest", 317));

        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(ROUTE_JSON.replace("{\"0\":", "{0:"));
    }

    @Test
    void unknownTopicIsTopicNotExist() throws Exception {
        RemotingCommand response = invoke(Requests.routeRequest("NoSuchTopic", RemotingVersion.V5_3_1));

        assertThat(response.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(response.remark()).isEqualTo("No topic route info in name server for the topic: NoSuchTopic");
    }

    @Test
    void clusterInfoListsTheBroker() throws Exception {
        register(TopicConfig.of("TopicTest", 4));

        RemotingCommand response = invoke(RemotingCommand.createRequest(RequestCode.GET_BROKER_CLUSTER_INFO));

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"brokerAddrs\":{0:\"127.0.0.1:20911\"}");
        ClusterInfo info = RemotingJson.decode(response.body(), ClusterInfo.class);
        assertThat(info.clusterAddrTable().get("DefaultCluster")).containsExactly("broker-a");
    }

    @Test
    void unregisteringRemovesTheRoute() throws Exception {
        register(TopicConfig.of("TopicTest", 4));

        registrar.unregister(BROKER).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

        assertThat(invoke(Requests.routeRequest("TopicTest", RemotingVersion.V5_3_1)).code())
                .isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
    }

    @Test
    void closingTheBrokersConnectionRemovesIt() throws Exception {
        register(TopicConfig.of("TopicTest", 4));

        brokerClient.closeConnection(address);

        await().atMost(Duration.ofSeconds(60)).until(() -> nameServer.nameServer().routeInfoManager()
                .liveBrokerCount() == 0);
        assertThat(invoke(Requests.routeRequest("TopicTest", RemotingVersion.V5_3_1)).code())
                .isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
    }

    @Test
    void registrationFailsWhenANameServerRefuses() {
        RemotingCommand badCrc = Requests.register("broker-a", 0, "127.0.0.1:20911").putExtField("bodyCrc32", 1);
        RemoteNameServerRegistrar unreachable = new RemoteNameServerRegistrar(brokerClient,
                List.of(address, "127.0.0.1:1"), TIMEOUT_MILLIS);

        assertThat(invoke(badCrc).remark()).isEqualTo("crc32 not match");
        assertThatThrownBy(() -> unreachable.register(BROKER, List.of(TopicConfig.of("T", 1)),
                DataVersion.initial(1)).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(NameServerRegistrationException.class)
                .hasMessageContaining("1 of 2 name server(s)")
                .hasMessageContaining("127.0.0.1:1");
    }

    @Test
    void embeddedNameServerSharesAPortWithOtherProcessors() throws Exception {
        NameServer embedded = new NameServer();
        ExecutorService executor = ProcessorExecutors.bounded("it-embedded", 2, 100);
        ProcessorRegistry registry = new ProcessorRegistry();
        registry.register((ctx, request) -> RemotingCommand.createResponse(request, ResponseCode.SUCCESS, "broker"),
                executor, RequestCode.HEART_BEAT);
        embedded.registerProcessors(registry, executor);
        NettyRemotingServer server = new NettyRemotingServer(RemotingConfig.defaults(), registry,
                embedded.channelEventListener());
        try {
            String shared = "127.0.0.1:" + server.start().getPort();
            embedded.start();
            new LocalNameServerRegistrar(embedded.routeInfoManager())
                    .register(BrokerIdentity.master("broker-a", shared), List.of(TopicConfig.of("T", 4)),
                            DataVersion.initial(1));

            RemotingCommand route = client.invokeSync(shared, Requests.routeRequest("T", RemotingVersion.V5_3_1),
                    TIMEOUT_MILLIS).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            RemotingCommand heartbeat = client.invokeSync(shared, RemotingCommand.createRequest(RequestCode.HEART_BEAT),
                    TIMEOUT_MILLIS).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);

            assertThat(route.code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(new String(route.body(), StandardCharsets.UTF_8)).contains("\"0\":\"" + shared + "\"");
            assertThat(heartbeat.remark()).isEqualTo("broker");
        } finally {
            server.shutdown();
            embedded.shutdown();
            executor.shutdownNow();
        }
    }

    private void register(TopicConfig... topics) throws Exception {
        registrar.register(BROKER, List.of(topics), DataVersion.initial(System.currentTimeMillis()))
                .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private RemotingCommand invoke(RemotingCommand request) {
        try {
            return client.invokeSync(address, request, TIMEOUT_MILLIS).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("request code " + request.code() + " failed", e);
        }
    }
}
