package io.nimbusmq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicRouteDataTests {

    private static final TopicRouteData ROUTE = new TopicRouteData(
            List.of(new BrokerData(Map.of(0L, "127.0.0.1:20911"), "broker-a", "DefaultCluster", false)),
            Map.of(),
            List.of(new QueueData("broker-a", 6, 4, 0, 4)));

    @Test
    void encodesStandardFormWithQuotedKeys() {
        assertThat(json(RemotingJson.encode(ROUTE))).isEqualTo(GoldenBodies.ROUTE_QUOTED);
        assertThat(json(RemotingJson.encodeBrowserCompatible(ROUTE))).isEqualTo(GoldenBodies.ROUTE_QUOTED);
    }

    @Test
    void encodesLegacyFormWithUnquotedNumericKeys() {
        assertThat(json(RemotingJson.encodeWithUnquotedNumericKeys(ROUTE))).isEqualTo(GoldenBodies.ROUTE_UNQUOTED);
    }

    @Test
    void decodesBothForms() {
        assertThat(RemotingJson.decode(GoldenBodies.ROUTE_QUOTED, TopicRouteData.class)).isEqualTo(ROUTE);
        assertThat(RemotingJson.decode(GoldenBodies.ROUTE_UNQUOTED, TopicRouteData.class)).isEqualTo(ROUTE);
    }

    @Test
    void ignoresOrderTopicConfAndStaticTopicMappingsWhenReading() {
        String withExtras = GoldenBodies.ROUTE_QUOTED.replace("\"filterServerTable\":{},",
                "\"filterServerTable\":{},\"orderTopicConf\":\"broker-a:4\",\"topicQueueMappingByBroker\":{},");

        assertThat(RemotingJson.decode(withExtras, TopicRouteData.class)).isEqualTo(ROUTE);
    }

    @Test
    void sortsBrokerAddressesById() {
        BrokerData group = new BrokerData(Map.of(2L, "h:3", 0L, "h:1", 1L, "h:2"), "b", "c", false);

        assertThat(json(RemotingJson.encodeWithUnquotedNumericKeys(group)))
                .startsWith("{\"brokerAddrs\":{0:\"h:1\",1:\"h:2\",2:\"h:3\"},");
        assertThat(group.masterAddr()).contains("h:1");
    }

    @Test
    void browserCompatibleFormEscapesNonAscii() {
        BrokerData group = new BrokerData(Map.of(0L, "h:1"), "broker-é", "c", false);

        assertThat(json(RemotingJson.encodeBrowserCompatible(group))).contains("\"brokerName\":\"broker-\\u00E9\"");
        assertThat(json(RemotingJson.encode(group))).contains("\"brokerName\":\"broker-é\"");
        assertThat(RemotingJson.decode(RemotingJson.encodeBrowserCompatible(group), BrokerData.class))
                .isEqualTo(group);
    }

    @Test
    void escapesAddressesInUnquotedForm() {
        BrokerData group = new BrokerData(Map.of(0L, "a\"b"), "b", "c", false);

        String json = json(RemotingJson.encodeWithUnquotedNumericKeys(group));

        assertThat(json).startsWith("{\"brokerAddrs\":{0:\"a\\\"b\"},");
        assertThat(RemotingJson.decode(json, BrokerData.class)).isEqualTo(group);
    }

    private static String json(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
