package io.nimbusmq.client;

import io.nimbusmq.remoting.protocol.body.client.MessageQueue;

/**
 * The broker's answer to a send.
 *
 * @param msgId         the unique id (UNIQ_KEY); for a batch, the ids joined with commas
 * @param offsetMsgId   the broker-side id (store host + commit-log offset)
 * @param transactionId the transaction id for a transactional send, else as the broker returned it
 */
public record SendResult(SendStatus status, String msgId, String offsetMsgId, MessageQueue messageQueue,
        long queueOffset, String transactionId) {
}
