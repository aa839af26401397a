package io.nimbusmq.client;

/** How a successful send was stored; anything else is an {@link MqClientException}. */
public enum SendStatus {
    SEND_OK,
    FLUSH_DISK_TIMEOUT,
    FLUSH_SLAVE_TIMEOUT,
    SLAVE_NOT_AVAILABLE
}
