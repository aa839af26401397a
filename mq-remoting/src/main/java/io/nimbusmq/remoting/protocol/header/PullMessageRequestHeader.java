package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of PULL_MESSAGE (11) and LITE_PULL_MESSAGE (361); remoting-protocol.md §4.2. RocketMQ's
 * {@code PullMessageRequestHeader}.
 *
 * <pre>
 * | field                | wire name            | required | notes                                            |
 * |----------------------|----------------------|----------|--------------------------------------------------|
 * | consumerGroup        | consumerGroup        | yes      |                                                  |
 * | topic                | topic                | yes      |                                                  |
 * | queueId              | queueId              | yes      |                                                  |
 * | queueOffset          | queueOffset          | yes      | the first queue offset wanted                    |
 * | maxMsgNums           | maxMsgNums           | yes      |                                                  |
 * | sysFlag              | sysFlag              | yes      | {@link PullSysFlag} bits                         |
 * | commitOffset         | commitOffset         | yes      | stored first when sysFlag has COMMIT_OFFSET      |
 * | suspendTimeoutMillis | suspendTimeoutMillis | yes      | how long the broker may hold the pull            |
 * | subscription         | subscription         | no       | the expression, used with SUBSCRIPTION           |
 * | subVersion           | subVersion           | yes      | the subscription's version                       |
 * | expressionType       | expressionType       | no       | TAG or SQL92; TAG when absent                    |
 * | maxMsgBytes          | maxMsgBytes          | no       | a byte budget for the answer                     |
 * | brokerName           | bname                | no       | the broker the client addressed                  |
 * </pre>
 *
 * @param subscription {@code null} when absent
 * @param expressionType {@code null} when absent
 * @param maxMsgBytes {@code null} when absent
 * @param brokerName {@code null} when absent
 */
public record PullMessageRequestHeader(String consumerGroup, String topic, int queueId, long queueOffset,
        int maxMsgNums, int sysFlag, long commitOffset, long suspendTimeoutMillis, String subscription,
        long subVersion, String expressionType, Integer maxMsgBytes, String brokerName) implements CommandHeader {

    public static PullMessageRequestHeader readFrom(RemotingCommand request) {
        return new PullMessageRequestHeader(request.requiredString("consumerGroup"), request.requiredString("topic"),
                request.requiredInt("queueId"), request.requiredLong("queueOffset"), request.requiredInt("maxMsgNums"),
                request.requiredInt("sysFlag"), request.requiredLong("commitOffset"),
                request.requiredLong("suspendTimeoutMillis"), request.optionalString("subscription"),
                request.requiredLong("subVersion"), request.optionalString("expressionType"),
                HeaderFields.integer(request, "maxMsgBytes"), request.optionalString(HeaderFields.BROKER_NAME));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("consumerGroup", consumerGroup)
                .putExtField("topic", topic)
                .putExtField("queueId", queueId)
                .putExtField("queueOffset", queueOffset)
                .putExtField("maxMsgNums", maxMsgNums)
                .putExtField("sysFlag", sysFlag)
                .putExtField("commitOffset", commitOffset)
                .putExtField("suspendTimeoutMillis", suspendTimeoutMillis)
                .putExtField("subscription", subscription)
                .putExtField("subVersion", subVersion)
                .putExtField("expressionType", expressionType)
                .putExtField("maxMsgBytes", maxMsgBytes)
                .putExtField(HeaderFields.BROKER_NAME, brokerName);
    }
}
