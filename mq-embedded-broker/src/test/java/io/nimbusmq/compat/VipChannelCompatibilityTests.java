package io.nimbusmq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.OperationsConfig;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VIP channel: with it on, the broker also serves its port − 2, which rocketmq-dashboard's admin client
 * ({@code useVIPChannel=true}, its default) and clients with {@code vipChannelEnabled} call for every broker request.
 */
@Tag("compat")
class VipChannelCompatibilityTests {

    private static final int PORT = freePortWithFreePortTwoBelow();

    @RegisterExtension
    static final CompatBroker broker = new CompatBroker(builder -> builder.port(PORT).operations(
            OperationsConfig.defaults().withVipChannelEnabled(true)));

    @Test
    void aDashboardStyleAdminClientOnTheVipChannelReadsTheBroker() throws Exception {
        String topic = broker.createTopic("vip", 2);
        Map<Integer, String> brokerCalls = new ConcurrentHashMap<>();
        DefaultMQAdminExt admin = new DefaultMQAdminExt(recording(brokerCalls));
        admin.setNamesrvAddr(broker.address());
        admin.setInstanceName(CompatBroker.uniqueName("vip-admin"));
        admin.setVipChannelEnabled(true);
        admin.start();
        broker.afterTest(admin::shutdown);
        String brokerAddress = admin.examineBrokerClusterInfo().getBrokerAddrTable().get("broker-a")
                .selectBrokerAddr();

        assertThat(admin.fetchBrokerRuntimeStats(brokerAddress).getTable()).containsKey("putTps");
        assertThat(admin.examineTopicStats(topic).getOffsetTable()).hasSize(2);
        assertThat(admin.getAllSubscriptionGroup(brokerAddress, 5_000).getSubscriptionGroupTable())
                .containsKey("TOOLS_CONSUMER");

        String vip = "127.0.0.1:" + (PORT - 2);
        assertThat(brokerCalls).containsEntry(RequestCode.GET_BROKER_RUNTIME_INFO, vip)
                .containsEntry(RequestCode.GET_TOPIC_STATS_INFO, vip)
                .containsEntry(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, vip);
    }

    @Test
    void aProducerWithTheVipChannelSendsThroughIt() throws Exception {
        String topic = broker.createTopic("vip-send", 1);
        Map<Integer, String> calls = new ConcurrentHashMap<>();
        DefaultMQProducer producer = new DefaultMQProducer(CompatBroker.uniqueName("vip-pg"), recording(calls));
        producer.setNamesrvAddr(broker.address());
        producer.setInstanceName(CompatBroker.uniqueName("vip-producer"));
        producer.setVipChannelEnabled(true);
        producer.start();
        broker.afterTest(producer::shutdown);

        assertThat(producer.send(new Message(topic, "via VIP".getBytes(StandardCharsets.UTF_8))).getSendStatus())
                .isEqualTo(SendStatus.SEND_OK);

        assertThat(calls).containsEntry(RequestCode.SEND_MESSAGE_V2, "127.0.0.1:" + (PORT - 2));
        // the consume queue is built just after the send is acknowledged
        await("the message in its queue").atMost(CompatBroker.PATIENCE).until(() -> broker.storedMessages(topic) == 1);
    }

    @Test
    void theBrokerDoesNotStartWhenPortTwoBelowIsTakenAndReleasesItsPort(@TempDir Path dir) throws Exception {
        int port = freePortWithFreePortTwoBelow();
        try (ServerSocket taken = new ServerSocket(port - 2, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedBroker broker = EmbeddedBroker.builder().port(port).storeDir(dir)
                    .operations(OperationsConfig.defaults().withVipChannelEnabled(true)).build();

            assertThatThrownBy(broker::start)
                    .hasMessageContaining("cannot bind remoting server to 127.0.0.1:" + (port - 2));
            assertThat(broker.isRunning()).isFalse();
        }
        new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
    }

    /** Records the address each successful request code went to. */
    private static RPCHook recording(Map<Integer, String> calls) {
        return new RPCHook() {
            @Override
            public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
            }

            @Override
            public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
                if (response != null && response.getCode() == ResponseCode.SUCCESS) {
                    calls.put(request.getCode(), remoteAddr);
                }
            }
        };
    }

    /** A port that is free, with port − 2 free too (the broker binds both). */
    private static int freePortWithFreePortTwoBelow() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket main = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = main.getLocalPort();
                try (ServerSocket vip = new ServerSocket(port - 2, 1, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException portTwoBelowTaken) {
                    // try another
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port with a free port two below it");
    }
}
