package io.nimbusmq.remoting.protocol.body;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every broker group the name server knows, the body of GET_BROKER_CLUSTER_INFO (106). The name server writes it
 * with {@link RemotingJson#encodeWithUnquotedNumericKeys(Object)}, as fastjson does:
 * <pre>
 * {"brokerAddrTable":{"broker-a":{"brokerAddrs":{0:"127.0.0.1:20911"},"brokerName":"broker-a",
 *   "cluster":"DefaultCluster","enableActingMaster":false}},"clusterAddrTable":{"DefaultCluster":["broker-a"]}}
 * </pre>
 *
 * @param brokerAddrTable  broker name to its group, sorted by name
 * @param clusterAddrTable cluster name to the broker names in it, both sorted
 */
public record ClusterInfo(Map<String, BrokerData> brokerAddrTable, Map<String, Set<String>> clusterAddrTable) {

    public ClusterInfo {
        brokerAddrTable = brokerAddrTable == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(brokerAddrTable));
        TreeMap<String, Set<String>> clusters = new TreeMap<>();
        if (clusterAddrTable != null) {
            clusterAddrTable.forEach((cluster, names) -> clusters.put(cluster,
                    Collections.unmodifiableSet(names == null ? new TreeSet<>() : new TreeSet<>(names))));
        }
        clusterAddrTable = Collections.unmodifiableMap(clusters);
    }
}
