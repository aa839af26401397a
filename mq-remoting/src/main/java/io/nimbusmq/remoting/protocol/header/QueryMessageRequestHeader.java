package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of QUERY_MESSAGE (12); remoting-protocol.md §4.8. RocketMQ's {@code QueryMessageRequestHeader}, plus the
 * flag its client adds as a loose ext field to look a message up by its UNIQ_KEY.
 *
 * <pre>
 * | field          | wire name         | required | notes                                           |
 * |----------------|-------------------|----------|-------------------------------------------------|
 * | topic          | topic             | yes      |                                                 |
 * | key            | key               | yes      | a KEYS token, or the UNIQ_KEY                   |
 * | maxNum         | maxNum            | yes      | ignored for a UNIQ_KEY lookup (32)              |
 * | beginTimestamp | beginTimestamp    | yes      | ms                                              |
 * | endTimestamp   | endTimestamp      | yes      | ms                                              |
 * | uniqueKeyQuery | _UNIQUE_KEY_QUERY | no       | false when absent; outside RocketMQ's header    |
 * </pre>
 */
public record QueryMessageRequestHeader(String topic, String key, int maxNum, long beginTimestamp, long endTimestamp,
        boolean uniqueKeyQuery) implements CommandHeader {

    static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";

    public static QueryMessageRequestHeader readFrom(RemotingCommand request) {
        return new QueryMessageRequestHeader(request.requiredString("topic"), request.requiredString("key"),
                request.requiredInt("maxNum"), request.requiredLong("beginTimestamp"),
                request.requiredLong("endTimestamp"), request.optionalBoolean(UNIQUE_KEY_QUERY, false));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("topic", topic)
                .putExtField("key", key)
                .putExtField("maxNum", maxNum)
                .putExtField("beginTimestamp", beginTimestamp)
                .putExtField("endTimestamp", endTimestamp)
                .putExtField(UNIQUE_KEY_QUERY, uniqueKeyQuery);
    }
}
