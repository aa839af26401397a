package io.nimbusmq.remoting.protocol.body.client;

import java.util.List;
import java.util.Map;

import io.nimbusmq.remoting.protocol.LanguageCode;

/**
 * GET_ALL_PRODUCER_INFO body (328, {@code mqadmin producer}), RocketMQ's {@code ProducerTableInfo}: every producer
 * connection by group, {@code {"data":{"pg":[{"clientId":…,"language":"JAVA","lastUpdateTimestamp":…,
 * "remoteIP":"127.0.0.1:53012","version":475}]}}}.
 */
public record ProducerTableInfo(Map<String, List<ProducerInfo>> data) {

    /** One producer connection. */
    public record ProducerInfo(String clientId, String remoteIP, LanguageCode language, int version,
            long lastUpdateTimestamp) {
    }
}
