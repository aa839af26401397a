package io.nimbusmq.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.BrokerData;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import io.nimbusmq.remoting.protocol.body.QueueData;
import io.nimbusmq.remoting.protocol.body.RegisterBrokerBody;
import io.nimbusmq.remoting.protocol.body.TopicConfigSerializeWrapper;
import io.nimbusmq.remoting.protocol.body.TopicRouteData;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteInfoManagerTests {

    private static final String CLUSTER = "DefaultCluster";
    private static final long TIMEOUT = RouteInfoManager.DEFAULT_HEARTBEAT_TIMEOUT_MILLIS;

    private final MutableClock clock = new MutableClock();
    private final RouteInfoManager routes = new RouteInfoManager(clock);

    @Test
    void registeredMasterServesTheRouteOfItsTopics() {
        RegisterBrokerResult result = routes.registerBroker(master("broker-a", "10.0.0.1:10911"),
                body(1, TopicConfig.of("T", 4)), null);

        assertThat(result).isEqualTo(RegisterBrokerResult.NONE);
        TopicRouteData route = routes.topicRoute("T").orElseThrow();
        assertThat(route.brokerDatas()).containsExactly(
                new BrokerData(Map.of(0L, "10.0.0.1:10911"), "broker-a", CLUSTER, false));
        assertThat(route.queueDatas()).containsExactly(new QueueData("broker-a", 6, 4, 0, 4));
        assertThat(route.filterServerTable()).isEmpty();
    }

    @Test
    void unknownTopicHasNoRoute() {
        routes.registerBroker(master("broker-a", "10.0.0.1:10911"), body(1, TopicConfig.of("T", 4)), null);

        assertThat(routes.topicRoute("Other")).isEmpty();
    }

    @Test
    void routeListsEveryBrokerGroupOfATopicInNameOrder() {
        routes.registerBroker(master("broker-b", "10.0.0.2:10911"), body(1, TopicConfig.of("T", 2)), null);
        routes.registerBroker(master("broker-a", "10.0.0.1:10911"), body(1, TopicConfig.of("T", 4)), null);

        TopicRouteData route = routes.topicRoute("T").orElseThrow();

        assertThat(route.brokerDatas()).extracting(BrokerData::brokerName).containsExactly("broker-a", "broker-b");
        assertThat(route.queueDatas()).extracting(QueueData::brokerName, QueueData::writeQueueNums)
                .containsExactly(tuple("broker-a", 4),
                        tuple("broker-b", 2));
    }

    @Test
    void onlyTheMasterUpdatesQueueData() {
        routes.registerBroker(master("broker-a", "10.0.0.1:10911"), body(1, TopicConfig.of("T", 4)), null);

        RegisterBrokerResult slaveResult = routes.registerBroker(slave("broker-a", 1, "10.0.0.9:10911"),
                body(7, TopicConfig.of("T", 16), TopicConfig.of("SlaveOnly", 1)), null);

        assertThat(slaveResult).isEqualTo(new RegisterBrokerResult("10.0.0.1:10912", "10.0.0.1:10911"));
        TopicRouteData route = routes.topicRoute("T").orElseThrow();
        assertThat(route.queueDatas()).containsExactly(new QueueData("broker-a", 6, 4, 0, 4));
        assertThat(route.brokerDatas().get(0).brokerAddrs())
                .containsExactly(Map.entry(0L, "10.0.0.1:10911"), Map.entry(1L, "10.0.0.9:10911"));
        assertThat(routes.topicRoute("SlaveOnly")).isEmpty();
    }

    @Test
    void masterReRegistrationReplacesQueueData() {
        routes.registerBroker(master("broker-a", "10.0.0.1:10911"), body(1, TopicConfig.of("T", 4)), null);

        routes.registerBroker(master("broker-a", "10.0.0.1:10911"),
                body(2, TopicConfig.of("T", 8).withPerm(TopicConfig.PERM_READ)), null);

        assertThat(routes.topicRoute("T").orElseThrow().queueDatas())
                .containsExactly(new QueueData("broker-a", 4, 8, 0, 8));
        assertThat(routes.brokerDataVersion(address("10.0.0.1:10911"))).contains(new DataVersion(2, 0, 1000));
    }

    @Test
    void aSlavePromotedToMasterKeepsOneEntryForItsAddress() {
        routes.registerBroker(slave("broker-a", 1, "10.0.0.9:10911"), body(1), null);

        routes.registerBroker(master("broker-a", "10.0.0.9:10911"), body(2, TopicConfig.of("T", 4)), null);

        assertThat(routes.clusterInfo().brokerAddrTable().get("broker-a").brokerAddrs())
                .containsExactly(Map.entry(0L, "10.0.0.9:10911"));
    }

    @Test
    void brokerSilentLongerThanItsHeartbeatTimeoutExpires() {
        EmbeddedChannel channel = new EmbeddedChannel();
        routes.registerBroker(master("broker-a", "10.0.0.1:10911"), body(1, TopicConfig.of("T", 4)), channel);

        clock.advanceMillis(TIMEOUT);
        assertThat(routes.expireInactiveBrokers(clock.millis())).isZero();

        clock.advanceMillis(1);
        assertThat(routes.expireInactiveBrokers(clock.millis())).isEqualTo(1);

        assertThat(routes.topicRoute("T")).isEmpty();
        assertThat(routes.clusterInfo().clusterAddrTable()).isEmpty();
        assertThat(routes.allTopics().topicList()).isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void reRegisteringKeepsABrokerAlive() {
        routes.registerBroker(master("broker-a", "10.0.0.1:10911"), body(1, TopicConfig.of("T", 4)), null);
        clock.advanceMillis(TIMEOUT - 1_000);
        routes.registerBroker(master("broker-a", "10.0.0.1:10911"), body(1, TopicConfig.of("T", 4)), null);

        clock.advanceMillis(TIMEOUT - 1_000);

        assertThat(routes.expireInactiveBrokers(clock.millis())).isZero();
        assertThat(routes.topicRoute("T")).isPresent();
    }

    @Test
    void heartbeatTouchKeepsABrokerAliveAndHonoursItsOwnTimeout() {
        BrokerRegistration shortLived = new BrokerRegistration(address("10.0.0.1:10911"), "broker-a", 0,
                "10.0.0.1:10912", 10_000, false);
        routes.registerBroker(shortLived, body(1, TopicConfig.of("T", 4)), null);
        clock.advanceMillis(9_000);
        assertThat(routes.touchBroker(address("10.0.0.1:10911"))).isTrue();

        clock.advanceMillis(9_000);
        assertThat(routes.expireInactiveBrokers(clock.millis())).isZero();

        clock.advanceMillis(1_001);
        assertThat(routes.expireInactiveBrokers(clock.millis())).isEqualTo(1);
        assertThat(routes.touchBroker(address("10.0.0.1:10911"))).isFalse();
    }

    @Test
    void closedChannelRemovesTheBrokersRegisteredOnIt() {
        EmbeddedChannel channelA = new EmbeddedChannel();
        EmbeddedChannel channelB = new EmbeddedChannel();
        routes.registerBroker(master("broker-a", "10.0.0.1:10911"), body(1, TopicConfig.of("T", 4)), channelA);
        routes.registerBroker(master("broker-b", "10.0.0.2:10911"), body(1, TopicConfig.of("T", 4)), channelB);

        assertThat(routes.onChannelClosed(channelA)).isEqualTo(1);

        assertThat(routes.topicRoute("T").orElseThrow().brokerDatas()).extracting(BrokerData::brokerName)
                .containsExactly("broker-b");
        assertThat(routes.onChannelClosed(new EmbeddedChannel())).isZero();
    }

    @Test
    void unregisteringTheLastBrokerOfAGroupDropsItFromClusterAndTopics() {
        routes.registerBroker(master("broker-a", "10.0.0.1:10911"),
                body(1, TopicConfig.of("Shared", 4), TopicConfig.of("OnlyA", 4)), null);
        routes.registerBroker(master("broker-b", "10.0.0.2:10911"), body(1, TopicConfig.of("Shared", 4)), null);

        assertThat(routes.unregisterBroker(address("10.0.0.1:10911"), "broker-a")).isTrue();

        assertThat(routes.topicRoute("OnlyA")).isEmpty();
        assertThat(routes.topicRoute("Shared").orElseThrow().queueDatas()).extracting(QueueData::brokerName)
                .containsExactly("broker-b");
        assertThat(routes.clusterInfo().clusterAddrTable()).containsExactly(
                Map.entry(CLUSTER, Set.of("broker-b")));
        assertThat(routes.clusterInfo().brokerAddrTable()).containsOnlyKeys("broker-b");
        assertThat(routes.unregisterBroker(address("10.0.0.1:10911"), "broker-a")).isFalse();
    }

    @Test
    void unregisteringASlaveKeepsTheGroup() {
        routes.registerBroker(master("broker-a", "10.0.0.1:10911"), body(1, TopicConfig.of("T", 4)), null);
        routes.registerBroker(slave("broker-a", 1, "10.0.0.9:10911"), body(1), null);

        routes.unregisterBroker(address("10.0.0.9:10911"), "broker-a");

        assertThat(routes.topicRoute("T").orElseThrow().brokerDatas().get(0).brokerAddrs())
                .containsExactly(Map.entry(0L, "10.0.0.1:10911"));
        assertThat(routes.liveBrokerCount()).isEqualTo(1);
    }

    @Test
    void deletingATopicRemovesItEverywhereOrPerCluster() {
        routes.registerBroker(master("broker-a", "10.0.0.1:10911"), body(1, TopicConfig.of("T", 4)), null);
        routes.registerBroker(new BrokerRegistration(new BrokerAddress("Other", "10.0.0.2:10911"), "broker-b", 0,
                "10.0.0.2:10912", TIMEOUT, false), body(1, TopicConfig.of("T", 4), TopicConfig.of("U", 1)), null);

        assertThat(routes.deleteTopic("T", "Other")).isTrue();
        assertThat(routes.topicRoute("T").orElseThrow().queueDatas()).extracting(QueueData::brokerName)
                .containsExactly("broker-a");

        assertThat(routes.deleteTopic("T")).isTrue();
        assertThat(routes.topicRoute("T")).isEmpty();
        assertThat(routes.deleteTopic("T")).isFalse();
        assertThat(routes.allTopics().topicList()).containsExactly("U");
    }

    @Test
    void listsTopicsPerClusterAndTheWholeClusterInfo() {
        routes.registerBroker(master("broker-a", "10.0.0.1:10911"), body(1, TopicConfig.of("A", 4)), null);
        routes.registerBroker(new BrokerRegistration(new BrokerAddress("Other", "10.0.0.2:10911"), "broker-b", 0,
                "10.0.0.2:10912", TIMEOUT, false), body(1, TopicConfig.of("B", 4)), null);

        assertThat(routes.topicsByCluster(CLUSTER).topicList()).containsExactly("A");
        assertThat(routes.topicsByCluster("Other").topicList()).containsExactly("B");
        assertThat(routes.topicsByCluster("Unknown").topicList()).isEmpty();
        assertThat(routes.allTopics().topicList()).containsExactly("A", "B");
        assertThat(routes.clusterInfo().clusterAddrTable()).containsOnlyKeys(CLUSTER, "Other");
    }

    @Test
    void tellsWhetherADataVersionChanged() {
        routes.registerBroker(master("broker-a", "10.0.0.1:10911"), body(3), null);

        assertThat(routes.isDataVersionChanged(address("10.0.0.1:10911"), new DataVersion(3, 0, 1000))).isFalse();
        assertThat(routes.isDataVersionChanged(address("10.0.0.1:10911"), new DataVersion(4, 0, 1000))).isTrue();
        assertThat(routes.isDataVersionChanged(address("10.0.0.7:10911"), new DataVersion(3, 0, 1000))).isTrue();
    }

    @Test
    void filterServersAppearInTheRoute() {
        routes.registerBroker(master("broker-a", "10.0.0.1:10911"), new RegisterBrokerBody(List.of("10.0.0.1:30000"),
                TopicConfigSerializeWrapper.of(List.of(TopicConfig.of("T", 4)), new DataVersion(1, 0, 1000))), null);

        assertThat(routes.topicRoute("T").orElseThrow().filterServerTable())
                .containsExactly(Map.entry("10.0.0.1:10911", List.of("10.0.0.1:30000")));
    }

    static BrokerRegistration master(String brokerName, String brokerAddr) {
        return BrokerRegistration.master(CLUSTER, brokerName, brokerAddr, haOf(brokerAddr));
    }

    static BrokerRegistration slave(String brokerName, long brokerId, String brokerAddr) {
        return new BrokerRegistration(address(brokerAddr), brokerName, brokerId, haOf(brokerAddr), TIMEOUT, false);
    }

    static BrokerAddress address(String brokerAddr) {
        return new BrokerAddress(CLUSTER, brokerAddr);
    }

    static RegisterBrokerBody body(long counter, TopicConfig... topics) {
        return RegisterBrokerBody.of(TopicConfigSerializeWrapper.of(List.of(topics), new DataVersion(counter, 0, 1000)));
    }

    private static String haOf(String brokerAddr) {
        return brokerAddr.replace(":10911", ":10912");
    }
}
