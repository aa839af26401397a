package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;

/**
 * The header of SEND_MESSAGE (10, long field names), SEND_MESSAGE_V2 (310) and SEND_BATCH_MESSAGE (320) (one-letter
 * names, RocketMQ's {@code SendMessageRequestHeaderV2}); remoting-protocol.md §4.1. The command's code decides which
 * names are written and read. SEND_REPLY_MESSAGE (324) uses the long names, SEND_REPLY_MESSAGE_V2 (325) the short.
 *
 * <pre>
 * | field                 | V1 name               | V2 | required |
 * |-----------------------|-----------------------|----|----------|
 * | producerGroup         | producerGroup         | a  | yes      |
 * | topic                 | topic                 | b  | yes      |
 * | defaultTopic          | defaultTopic          | c  | yes      |
 * | defaultTopicQueueNums | defaultTopicQueueNums | d  | yes      |
 * | queueId               | queueId               | e  | yes      |
 * | sysFlag               | sysFlag               | f  | yes      |
 * | bornTimestamp         | bornTimestamp         | g  | yes      |
 * | flag                  | flag                  | h  | yes      |
 * | properties            | properties            | i  | no ("")  |
 * | reconsumeTimes        | reconsumeTimes        | j  | no (0)   |
 * | unitMode              | unitMode              | k  | no       |
 * | maxReconsumeTimes     | maxReconsumeTimes     | l  | no       |
 * | batch                 | batch                 | m  | no       |
 * | brokerName            | bname                 | n  | no       |
 * </pre>
 * {@code bname} (RocketMQ's {@code RpcRequestHeader}) is written in both forms, as the official client does.
 *
 * @param properties the encoded property string, possibly empty
 * @param maxReconsumeTimes {@code null} when absent
 * @param batch true for SEND_BATCH_MESSAGE even when the field is absent
 * @param brokerName the broker the producer chose, {@code null} when absent
 */
public record SendMessageRequestHeader(String producerGroup, String topic, String defaultTopic,
        int defaultTopicQueueNums, int queueId, int sysFlag, long bornTimestamp, int flag, String properties,
        int reconsumeTimes, boolean unitMode, Integer maxReconsumeTimes, boolean batch, String brokerName)
        implements CommandHeader {

    private static final String[] LONG_NAMES = {"producerGroup", "topic", "defaultTopic", "defaultTopicQueueNums",
        "queueId", "sysFlag", "bornTimestamp", "flag", "properties", "reconsumeTimes", "unitMode",
        "maxReconsumeTimes", "batch", "bname"};
    private static final String[] SHORT_NAMES = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
        "n"};

    /** Reads the long or the short form, as the command's code says. */
    public static SendMessageRequestHeader readFrom(RemotingCommand request) {
        String[] n = names(request.code());
        String brokerName = request.optionalString(n[13]);
        return new SendMessageRequestHeader(request.requiredString(n[0]), request.requiredString(n[1]),
                request.requiredString(n[2]), request.requiredInt(n[3]), request.requiredInt(n[4]),
                request.requiredInt(n[5]), request.requiredLong(n[6]), request.requiredInt(n[7]),
                request.optionalString(n[8], ""), request.optionalInt(n[9], 0), request.optionalBoolean(n[10], false),
                HeaderFields.integer(request, n[11]),
                request.optionalBoolean(n[12], request.code() == RequestCode.SEND_BATCH_MESSAGE),
                brokerName != null ? brokerName : request.optionalString(HeaderFields.BROKER_NAME));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        String[] n = names(request.code());
        request.putExtField(n[0], producerGroup)
                .putExtField(n[1], topic)
                .putExtField(n[2], defaultTopic)
                .putExtField(n[3], defaultTopicQueueNums)
                .putExtField(n[4], queueId)
                .putExtField(n[5], sysFlag)
                .putExtField(n[6], bornTimestamp)
                .putExtField(n[7], flag)
                .putExtField(n[8], properties)
                .putExtField(n[9], reconsumeTimes)
                .putExtField(n[10], unitMode)
                .putExtField(n[11], maxReconsumeTimes)
                .putExtField(n[12], batch)
                .putExtField(n[13], brokerName)
                .putExtField(HeaderFields.BROKER_NAME, brokerName);
    }

    private static String[] names(int code) {
        return code == RequestCode.SEND_MESSAGE || code == RequestCode.SEND_REPLY_MESSAGE ? LONG_NAMES : SHORT_NAMES;
    }
}
