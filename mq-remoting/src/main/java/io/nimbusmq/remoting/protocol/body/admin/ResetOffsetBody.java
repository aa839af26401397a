package io.nimbusmq.remoting.protocol.body.admin;

import java.util.Map;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * INVOKE_BROKER_TO_RESET_OFFSET answer (222) and RESET_CONSUMER_CLIENT_OFFSET body (220): each queue's new offset,
 * keyed by queue as fastjson writes it.
 */
public record ResetOffsetBody(
        @JsonSerialize(using = QueueKeyedMapSerializer.class) Map<MessageQueue, Long> offsetTable) {
}
