package io.nimbusmq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterInfoTests {

    private static final ClusterInfo CLUSTER = new ClusterInfo(
            Map.of("broker-a", new BrokerData(Map.of(0L, "127.0.0.1:20911"), "broker-a", "DefaultCluster", false)),
            Map.of("DefaultCluster", Set.of("broker-a")));

    @Test
    void encodesWithUnquotedNumericKeysLikeFastjson() {
        String json = new String(RemotingJson.encodeWithUnquotedNumericKeys(CLUSTER), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo(GoldenBodies.CLUSTER_INFO);
    }

    @Test
    void decodesUnquotedNumericKeys() {
        assertThat(RemotingJson.decode(GoldenBodies.CLUSTER_INFO, ClusterInfo.class)).isEqualTo(CLUSTER);
    }

    @Test
    void sortsBrokerNamesWithinACluster() {
        ClusterInfo info = new ClusterInfo(Map.of(), Map.of("c", Set.of("b2", "b1", "b3")));

        assertThat(RemotingJson.toJson(info)).isEqualTo("{\"brokerAddrTable\":{},\"clusterAddrTable\":{\"c\":[\"b1\",\"b2\",\"b3\"]}}");
    }
}
