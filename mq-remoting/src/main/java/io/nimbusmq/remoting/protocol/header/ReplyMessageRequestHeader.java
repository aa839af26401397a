package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of PUSH_REPLY_MESSAGE_TO_CLIENT (326), broker to requester: the reply's send header (as the replier sent
 * it with SEND_REPLY_MESSAGE 324 / 325) plus where and when the broker took it. RocketMQ's
 * {@code ReplyMessageRequestHeader}; the body is the reply's body.
 *
 * <pre>
 * | field                 | required | notes                                           |
 * |-----------------------|----------|-------------------------------------------------|
 * | producerGroup         | yes      |                                                 |
 * | topic                 | yes      | {@code <cluster>_REPLY_TOPIC}                   |
 * | defaultTopic          | yes      |                                                 |
 * | defaultTopicQueueNums | yes      |                                                 |
 * | queueId               | yes      |                                                 |
 * | sysFlag               | yes      |                                                 |
 * | bornTimestamp         | yes      |                                                 |
 * | flag                  | yes      |                                                 |
 * | properties            | no       | with PUSH_REPLY_TIME added by the broker        |
 * | reconsumeTimes        | no (0)   |                                                 |
 * | unitMode              | no       |                                                 |
 * | bornHost              | yes      | the replier's address, {@code /ip:port}         |
 * | storeHost             | yes      | the broker's address, {@code /ip:port}          |
 * | storeTimestamp        | yes      |                                                 |
 * </pre>
 * Wire names are the field names.
 *
 * @param properties {@code null} when absent
 */
public record ReplyMessageRequestHeader(String producerGroup, String topic, String defaultTopic,
        int defaultTopicQueueNums, int queueId, int sysFlag, long bornTimestamp, int flag, String properties,
        int reconsumeTimes, boolean unitMode, String bornHost, String storeHost, long storeTimestamp)
        implements CommandHeader {

    /** The push of a reply sent with {@code send}, its properties replaced by {@code properties}. */
    public static ReplyMessageRequestHeader of(SendMessageRequestHeader send, String properties, String bornHost,
            String storeHost, long storeTimestamp) {
        return new ReplyMessageRequestHeader(send.producerGroup(), send.topic(), send.defaultTopic(),
                send.defaultTopicQueueNums(), send.queueId(), send.sysFlag(), send.bornTimestamp(), send.flag(),
                properties, send.reconsumeTimes(), send.unitMode(), bornHost, storeHost, storeTimestamp);
    }

    public static ReplyMessageRequestHeader readFrom(RemotingCommand request) {
        return new ReplyMessageRequestHeader(request.requiredString("producerGroup"),
                request.requiredString("topic"), request.requiredString("defaultTopic"),
                request.requiredInt("defaultTopicQueueNums"), request.requiredInt("queueId"),
                request.requiredInt("sysFlag"), request.requiredLong("bornTimestamp"), request.requiredInt("flag"),
                request.optionalString("properties"), request.optionalInt("reconsumeTimes", 0),
                request.optionalBoolean("unitMode", false), request.requiredString("bornHost"),
                request.requiredString("storeHost"), request.requiredLong("storeTimestamp"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("producerGroup", producerGroup)
                .putExtField("topic", topic)
                .putExtField("defaultTopic", defaultTopic)
                .putExtField("defaultTopicQueueNums", defaultTopicQueueNums)
                .putExtField("queueId", queueId)
                .putExtField("sysFlag", sysFlag)
                .putExtField("bornTimestamp", bornTimestamp)
                .putExtField("flag", flag)
                .putExtField("properties", properties)
                .putExtField("reconsumeTimes", reconsumeTimes)
                .putExtField("unitMode", unitMode)
                .putExtField("bornHost", bornHost)
                .putExtField("storeHost", storeHost)
                .putExtField("storeTimestamp", storeTimestamp);
    }
}
