package io.nimbusmq.remoting.protocol.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A broker's topic table and its version, inside {@link RegisterBrokerBody} (RocketMQ's
 * {@code TopicConfigAndMappingSerializeWrapper}):
 * <pre>
 * {"dataVersion":{"counter":1,"stateVersion":0,"timestamp":…},"mappingDataVersion":{…},
 *  "topicConfigTable":{"TopicTest":{"attributes":{},"order":false,"perm":6,"readQueueNums":4,
 *    "topicFilterType":"SINGLE_TAG","topicName":"TopicTest","topicSysFlag":0,"writeQueueNums":4}},
 *  "topicQueueMappingDetailMap":{},"topicQueueMappingInfoMap":{}}
 * </pre>
 * Static-topic mappings are not supported; whatever a peer sends in the two mapping maps is kept as JSON trees.
 *
 * @param dataVersion      version of {@code topicConfigTable}; {@link DataVersion#ZERO} when absent
 * @param topicConfigTable topic name to its configuration, sorted by name
 */
public record TopicConfigSerializeWrapper(DataVersion dataVersion, DataVersion mappingDataVersion,
                                          Map<String, TopicConfig> topicConfigTable,
                                          Map<String, JsonNode> topicQueueMappingDetailMap,
                                          Map<String, JsonNode> topicQueueMappingInfoMap) {

    public TopicConfigSerializeWrapper {
        dataVersion = dataVersion == null ? DataVersion.ZERO : dataVersion;
        mappingDataVersion = mappingDataVersion == null ? DataVersion.ZERO : mappingDataVersion;
        topicConfigTable = sorted(topicConfigTable);
        topicQueueMappingDetailMap = sorted(topicQueueMappingDetailMap);
        topicQueueMappingInfoMap = sorted(topicQueueMappingInfoMap);
    }

    /** A wrapper for {@code topics} at {@code dataVersion}, without static-topic mappings. */
    public static TopicConfigSerializeWrapper of(Collection<TopicConfig> topics, DataVersion dataVersion) {
        Map<String, TopicConfig> table = new TreeMap<>();
        topics.forEach(topic -> table.put(topic.topicName(), topic));
        return new TopicConfigSerializeWrapper(dataVersion, DataVersion.initial(dataVersion.timestamp()), table,
                Map.of(), Map.of());
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
