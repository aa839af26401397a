package io.nimbusmq.remoting.protocol.body;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A topic's route, the body of a successful GET_ROUTEINFO_BY_TOPIC (remoting-protocol.md §3.3, §6):
 * <pre>
 * {"brokerDatas":[{"brokerAddrs":{"0":"127.0.0.1:20911"},"brokerName":"broker-a","cluster":"DefaultCluster",
 *   "enableActingMaster":false}],"filterServerTable":{},"queueDatas":[{"brokerName":"broker-a","perm":6,
 *   "readQueueNums":4,"topicSysFlag":0,"writeQueueNums":4}]}
 * </pre>
 * RocketMQ's optional {@code orderTopicConf} and {@code topicQueueMappingByBroker} are never written (a non-empty
 * mapping switches clients to static-topic logic) and are ignored when read.
 *
 * @param brokerDatas       the broker groups holding the topic, with their addresses
 * @param filterServerTable broker address to its filter servers; empty in practice
 * @param queueDatas        the topic's queues per broker group
 */
public record TopicRouteData(List<BrokerData> brokerDatas, Map<String, List<String>> filterServerTable,
                             List<QueueData> queueDatas) {

    public TopicRouteData {
        brokerDatas = brokerDatas == null ? List.of() : List.copyOf(brokerDatas);
        filterServerTable = filterServerTable == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(filterServerTable));
        queueDatas = queueDatas == null ? List.of() : List.copyOf(queueDatas);
    }
}
