package io.nimbusmq.broker.console.data;

import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.message.TopicValidator;

/** Which topics and groups belong to the broker or to RocketMQ itself rather than to an application. */
final class SystemNames {

    private SystemNames() {
    }

    static boolean isSystemTopic(String topic) {
        return TopicValidator.isNotAllowedToSend(topic) || topic.equals(SystemTopics.AUTO_CREATE_TOPIC_KEY)
                || topic.startsWith(SystemTopics.RETRY_GROUP_TOPIC_PREFIX)
                || topic.startsWith(SystemTopics.DLQ_GROUP_TOPIC_PREFIX)
                || topic.endsWith(SystemTopics.REPLY_TOPIC_SUFFIX) || topic.equals(SystemTopics.TIMER_TOPIC)
                || topic.equals(SystemTopics.TRACE_TOPIC) || topic.startsWith("rmq_sys_");
    }

    static boolean isSystemGroup(String group) {
        return SystemTopics.SYSTEM_GROUPS.contains(group) || group.startsWith("CID_RMQ_SYS_");
    }
}
