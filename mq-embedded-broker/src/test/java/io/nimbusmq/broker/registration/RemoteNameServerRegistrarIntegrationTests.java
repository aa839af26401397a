package io.nimbusmq.broker.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.dispatch.ProcessorExecutors;
import io.nimbusmq.remoting.dispatch.ProcessorRegistry;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.NettyRemotingServer;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.netty.RemotingConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import io.nimbusmq.remoting.protocol.body.RegisterBrokerBody;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registrar against a stand-in for RocketMQ's name server, which refuses a one-topic registration from a broker
 * it does not know yet (verified against a 5.2.0 NamesrvController).
 */
class RemoteNameServerRegistrarIntegrationTests {

    private static final BrokerIdentity BROKER = BrokerIdentity.master("broker-a", "127.0.0.1:20911");

    private final List<Integer> topicCounts = new CopyOnWriteArrayList<>();
    private final Set<String> knownBrokers = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = ProcessorExecutors.bounded("it-fake-namesrv", 1, 100);
    private NettyRemotingServer server;
    private NettyRemotingClient client;
    private RemoteNameServerRegistrar registrar;

    @BeforeEach
    void start() {
        ProcessorRegistry registry = new ProcessorRegistry().register((ctx, request) -> {
            int topics = RegisterBrokerBody.decode(request.body(), false, request.version())
                    .topicConfigSerializeWrapper().topicConfigTable().size();
            topicCounts.add(topics);
            String brokerAddr = request.requiredString("brokerAddr");
            if (!knownBrokers.contains(brokerAddr) && topics == 1) {
                return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, "register broker failed");
            }
            knownBrokers.add(brokerAddr);
            return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
        }, executor, RequestCode.REGISTER_BROKER);
        server = new NettyRemotingServer(RemotingConfig.defaults(), registry);
        String address = "127.0.0.1:" + server.start().getPort();
        client = new NettyRemotingClient(RemotingClientConfig.defaults());
        registrar = new RemoteNameServerRegistrar(client, List.of(address), 5_000);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
        executor.shutdownNow();
    }

    @Test
    void aRefusedFirstOneTopicRegistrationIsPrecededByOneWithoutTopics() throws Exception {
        registrar.register(BROKER, List.of(TopicConfig.of("T", 4)), DataVersion.initial(1))
                .get(30, TimeUnit.SECONDS);

        assertThat(topicCounts).containsExactly(1, 0, 1);
    }

    @Test
    void aKnownBrokerRegistersOneTopicDirectly() throws Exception {
        registrar.register(BROKER, List.of(TopicConfig.of("T", 4), TopicConfig.of("U", 4)), DataVersion.initial(1))
                .get(30, TimeUnit.SECONDS);
        registrar.register(BROKER, List.of(TopicConfig.of("T", 4)), DataVersion.initial(1).next(2))
                .get(30, TimeUnit.SECONDS);

        assertThat(topicCounts).containsExactly(2, 1);
    }
}
