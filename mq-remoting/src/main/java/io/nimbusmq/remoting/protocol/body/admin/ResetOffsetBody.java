package io.nimbusmq.remoting.protocol.body.admin;

import java.util.Map;

/** INVOKE_BROKER_TO_RESET_OFFSET answer and RESET_CONSUMER_CLIENT_OFFSET body: queue to its new offset. */
public record ResetOffsetBody(Map<String, Long> offsetTable) {
}
