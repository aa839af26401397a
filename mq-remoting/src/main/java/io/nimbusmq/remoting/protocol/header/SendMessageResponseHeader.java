package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The response header of SEND_MESSAGE (10), SEND_MESSAGE_V2 (310), SEND_BATCH_MESSAGE (320) and SEND_REPLY_MESSAGE
 * (324, 325); remoting-protocol.md §4.1. RocketMQ's {@code SendMessageResponseHeader}, plus the two ext fields its
 * broker adds to every send response, refusals included, and its client reads without a null check.
 *
 * <pre>
 * | field         | wire name     | required | notes                                                   |
 * |---------------|---------------|----------|---------------------------------------------------------|
 * | msgId         | msgId         | yes      | offsetMsgId; comma-joined for a batch                    |
 * | queueId       | queueId       | yes      | the queue written (the original one for delayed / half) |
 * | queueOffset   | queueOffset   | yes      | the first message's queue offset                        |
 * | transactionId | transactionId | no       | the UNIQ_KEY                                            |
 * | batchUniqId   | batchUniqId   | no       | batch consume-queue topics only                         |
 * | msgRegion     | MSG_REGION    | no       | outside RocketMQ's header class, on every response      |
 * | traceOn       | TRACE_ON      | no       | outside RocketMQ's header class, on every response      |
 * </pre>
 * "Required" is what {@link #readFrom} demands, which a client does for the codes that report a stored message
 * (SUCCESS, FLUSH_DISK_TIMEOUT, FLUSH_SLAVE_TIMEOUT, SLAVE_NOT_AVAILABLE); a refusal carries only
 * {@link #refused MSG_REGION and TRACE_ON}.
 *
 * @param queueId {@code null} only in a refusal
 * @param queueOffset {@code null} only in a refusal
 * @param traceOn {@code null} when absent
 */
public record SendMessageResponseHeader(String msgId, Integer queueId, Long queueOffset, String transactionId,
        String batchUniqId, String msgRegion, Boolean traceOn) implements CommandHeader {

    /** The header of a send that stored nothing: only {@code MSG_REGION} and {@code TRACE_ON}. */
    public static SendMessageResponseHeader refused(String msgRegion, boolean traceOn) {
        return new SendMessageResponseHeader(null, null, null, null, null, msgRegion, traceOn);
    }

    public static SendMessageResponseHeader readFrom(RemotingCommand response) {
        return new SendMessageResponseHeader(response.requiredString("msgId"), response.requiredInt("queueId"),
                response.requiredLong("queueOffset"), response.optionalString("transactionId"),
                response.optionalString("batchUniqId"), response.optionalString(MessageConst.MSG_REGION),
                HeaderFields.bool(response, MessageConst.TRACE_ON));
    }

    /**
     * Writes the header of a stored message, as {@link #writeTo} does, without building the record: the broker
     * answers every message sent, and this keeps that path free of a per-message header object.
     */
    public static void writeStored(RemotingCommand response, String msgId, int queueId, long queueOffset,
            String transactionId, String msgRegion, boolean traceOn) {
        write(response, msgId, queueId, queueOffset, transactionId, null, msgRegion, traceOn);
    }

    @Override
    public void writeTo(RemotingCommand response) {
        write(response, msgId, queueId, queueOffset, transactionId, batchUniqId, msgRegion, traceOn);
    }

    private static void write(RemotingCommand response, String msgId, Integer queueId, Long queueOffset,
            String transactionId, String batchUniqId, String msgRegion, Boolean traceOn) {
        response.putExtField("msgId", msgId)
                .putExtField("queueId", queueId)
                .putExtField("queueOffset", queueOffset)
                .putExtField("transactionId", transactionId)
                .putExtField("batchUniqId", batchUniqId)
                .putExtField(MessageConst.MSG_REGION, msgRegion)
                .putExtField(MessageConst.TRACE_ON, traceOn);
    }
}
