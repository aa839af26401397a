package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of CONSUMER_SEND_MSG_BACK (36): a push consumer hands a failed message back for a retry;
 * remoting-protocol.md §4.5. RocketMQ's {@code ConsumerSendMsgBackRequestHeader}.
 *
 * <pre>
 * | field             | wire name         | required | notes                                              |
 * |-------------------|-------------------|----------|----------------------------------------------------|
 * | offset            | offset            | yes      | the failed message's physical offset               |
 * | group             | group             | yes      | the consumer group                                 |
 * | delayLevel        | delayLevel        | yes      | 0: 3 + reconsume times; negative: dead-letter now  |
 * | originMsgId       | originMsgId       | no       |                                                    |
 * | originTopic       | originTopic       | no       |                                                    |
 * | unitMode          | unitMode          | no       | false when absent                                  |
 * | maxReconsumeTimes | maxReconsumeTimes | no       | the consumer's limit; the broker's default if none |
 * | brokerName        | bname             | no       |                                                    |
 * </pre>
 *
 * @param originMsgId {@code null} when absent
 * @param originTopic {@code null} when absent
 * @param maxReconsumeTimes {@code null} when absent
 * @param brokerName {@code null} when absent
 */
public record ConsumerSendMsgBackRequestHeader(long offset, String group, int delayLevel, String originMsgId,
        String originTopic, boolean unitMode, Integer maxReconsumeTimes, String brokerName) implements CommandHeader {

    public static ConsumerSendMsgBackRequestHeader readFrom(RemotingCommand request) {
        return new ConsumerSendMsgBackRequestHeader(request.requiredLong("offset"), request.requiredString("group"),
                request.requiredInt("delayLevel"), request.optionalString("originMsgId"),
                request.optionalString("originTopic"), request.optionalBoolean("unitMode", false),
                HeaderFields.integer(request, "maxReconsumeTimes"),
                request.optionalString(HeaderFields.BROKER_NAME));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("offset", offset)
                .putExtField("group", group)
                .putExtField("delayLevel", delayLevel)
                .putExtField("originMsgId", originMsgId)
                .putExtField("originTopic", originTopic)
                .putExtField("unitMode", unitMode)
                .putExtField("maxReconsumeTimes", maxReconsumeTimes)
                .putExtField(HeaderFields.BROKER_NAME, brokerName);
    }
}
