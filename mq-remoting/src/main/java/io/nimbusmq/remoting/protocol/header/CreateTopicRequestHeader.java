package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of UPDATE_AND_CREATE_TOPIC (17), admin to broker; remoting-protocol.md §4.9. RocketMQ's
 * {@code CreateTopicRequestHeader}.
 *
 * <pre>
 * | field           | wire name       | required | notes                                                  |
 * |-----------------|-----------------|----------|--------------------------------------------------------|
 * | topic           | topic           | yes      |                                                        |
 * | defaultTopic    | defaultTopic    | yes      |                                                        |
 * | readQueueNums   | readQueueNums   | yes      |                                                        |
 * | writeQueueNums  | writeQueueNums  | yes      |                                                        |
 * | perm            | perm            | yes      | 4 read, 2 write, 1 inherit                             |
 * | topicFilterType | topicFilterType | yes      | SINGLE_TAG                                             |
 * | topicSysFlag    | topicSysFlag    | no       |                                                        |
 * | order           | order           | yes      |                                                        |
 * | attributes      | attributes      | no       | {@code +key=value,+key2=value2}; {@code -key} deletes  |
 * | force           | force           | no       | false when absent                                      |
 * </pre>
 *
 * @param topicSysFlag {@code null} when absent
 * @param attributes {@code null} when absent
 */
public record CreateTopicRequestHeader(String topic, String defaultTopic, int readQueueNums, int writeQueueNums,
        int perm, String topicFilterType, Integer topicSysFlag, boolean order, String attributes, boolean force)
        implements CommandHeader {

    public static CreateTopicRequestHeader readFrom(RemotingCommand request) {
        return new CreateTopicRequestHeader(request.requiredString("topic"), request.requiredString("defaultTopic"),
                request.requiredInt("readQueueNums"), request.requiredInt("writeQueueNums"),
                request.requiredInt("perm"), request.requiredString("topicFilterType"),
                HeaderFields.integer(request, "topicSysFlag"), request.requiredBoolean("order"),
                request.optionalString("attributes"), request.optionalBoolean("force", false));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("topic", topic)
                .putExtField("defaultTopic", defaultTopic)
                .putExtField("readQueueNums", readQueueNums)
                .putExtField("writeQueueNums", writeQueueNums)
                .putExtField("perm", perm)
                .putExtField("topicFilterType", topicFilterType)
                .putExtField("topicSysFlag", topicSysFlag)
                .putExtField("order", order)
                .putExtField("attributes", attributes)
                .putExtField("force", force);
    }
}
