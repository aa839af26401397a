package io.nimbusmq.remoting.protocol.body.admin;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.nimbusmq.remoting.protocol.body.DataVersion;

/**
 * Every consumer group of a broker, the body of GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201), RocketMQ's
 * {@code SubscriptionGroupWrapper}: {@code {"dataVersion":{…},"subscriptionGroupTable":{"cg":{…}}}}.
 */
public record SubscriptionGroupWrapper(Map<String, SubscriptionGroupConfig> subscriptionGroupTable,
        DataVersion dataVersion) {

    public SubscriptionGroupWrapper {
        subscriptionGroupTable = subscriptionGroupTable == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(subscriptionGroupTable));
        dataVersion = dataVersion == null ? DataVersion.ZERO : dataVersion;
    }
}
