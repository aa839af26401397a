package io.nimbusmq.remoting.protocol.body.admin;

import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * Map keys for bodies keyed by queue (TopicStatsTable, ConsumeStats, ResetOffsetBody). fastjson writes such keys as
 * bare JSON objects, which Jackson cannot produce; a string key holding the queue's JSON is read back by fastjson as
 * the same queue (remoting-protocol.md §6, quirk 2).
 */
public final class QueueKeys {

    private QueueKeys() {
    }

    public static String key(MessageQueue queue) {
        return RemotingJson.toJson(queue);
    }
}
