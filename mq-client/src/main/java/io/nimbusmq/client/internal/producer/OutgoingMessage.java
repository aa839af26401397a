package io.nimbusmq.client.internal.producer;

/**
 * One send request's content, ready for the wire.
 *
 * @param properties     the encoded property string (V2 key {@code i})
 * @param msgId          what the SendResult reports: the UNIQ_KEY, or a batch's keys joined with commas
 * @param requestCode    SEND_MESSAGE_V2, SEND_BATCH_MESSAGE or SEND_REPLY_MESSAGE_V2
 * @param maxReconsumeTimes for sends to a retry topic, else {@code null}
 */
public record OutgoingMessage(String topic, byte[] body, int sysFlag, int flag, String properties, String msgId,
        boolean batch, int requestCode, int reconsumeTimes, Integer maxReconsumeTimes) {
}
