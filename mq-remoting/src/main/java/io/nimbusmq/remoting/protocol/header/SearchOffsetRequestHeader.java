package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of SEARCH_OFFSET_BY_TIMESTAMP (29); remoting-protocol.md §4.3. RocketMQ's
 * {@code SearchOffsetRequestHeader}; answered with an {@link OffsetResponseHeader}.
 *
 * <pre>
 * | field        | wire name    | required | notes                                                          |
 * |--------------|--------------|----------|----------------------------------------------------------------|
 * | topic        | topic        | yes      |                                                                |
 * | queueId      | queueId      | yes      |                                                                |
 * | timestamp    | timestamp    | yes      | ms                                                             |
 * | boundaryType | boundaryType | no       | LOWER (default; any other value) or UPPER, in any letter case  |
 * | brokerName   | bname        | no       |                                                                |
 * </pre>
 *
 * @param brokerName {@code null} when absent
 */
public record SearchOffsetRequestHeader(String topic, int queueId, long timestamp, Boundary boundaryType,
        String brokerName) implements CommandHeader {

    /**
     * Which entry a search for a time finds: LOWER the first stored at or after it, UPPER the last stored at or before
     * it (RocketMQ's {@code BoundaryType}).
     */
    public enum Boundary {
        LOWER, UPPER;

        /** UPPER for {@code "upper"} in any letter case, LOWER for anything else, absence included. */
        static Boundary parse(String value) {
            return UPPER.name().equalsIgnoreCase(value) ? UPPER : LOWER;
        }
    }

    public static SearchOffsetRequestHeader readFrom(RemotingCommand request) {
        return new SearchOffsetRequestHeader(request.requiredString("topic"), request.requiredInt("queueId"),
                request.requiredLong("timestamp"), Boundary.parse(request.optionalString("boundaryType")),
                request.optionalString(HeaderFields.BROKER_NAME));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("topic", topic)
                .putExtField("queueId", queueId)
                .putExtField("timestamp", timestamp)
                .putExtField("boundaryType", boundaryType)
                .putExtField(HeaderFields.BROKER_NAME, brokerName);
    }
}
