package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The response header of PULL_MESSAGE (11) and LITE_PULL_MESSAGE (361); remoting-protocol.md §4.2. RocketMQ's
 * {@code PullMessageResponseHeader}.
 *
 * <pre>
 * | field                | wire name            | required | notes                                             |
 * |----------------------|----------------------|----------|---------------------------------------------------|
 * | suggestWhichBrokerId | suggestWhichBrokerId | yes      | 0: keep pulling from the master                   |
 * | nextBeginOffset      | nextBeginOffset      | yes      | where the next pull of the queue starts           |
 * | minOffset            | minOffset            | yes      | the queue's first offset                          |
 * | maxOffset            | maxOffset            | yes      | the queue's next offset to write                  |
 * | forbiddenType        | forbiddenType        | no       | on NO_PERMISSION: 1 broker, 2 group, 3 topic...  |
 * </pre>
 * "Required" is what {@link #readFrom} demands, which a client does for SUCCESS, PULL_NOT_FOUND,
 * PULL_RETRY_IMMEDIATELY and PULL_OFFSET_MOVED; a NO_PERMISSION answer carries only {@link #forbidden}.
 *
 * @param suggestWhichBrokerId {@code null} only in a refusal
 * @param nextBeginOffset {@code null} only in a refusal
 * @param minOffset {@code null} only in a refusal
 * @param maxOffset {@code null} only in a refusal
 * @param forbiddenType {@code null} when absent
 */
public record PullMessageResponseHeader(Long suggestWhichBrokerId, Long nextBeginOffset, Long minOffset,
        Long maxOffset, Integer forbiddenType) implements CommandHeader {

    /** RocketMQ's {@code ForbiddenType.GROUP_FORBIDDEN}: the consumer group may not consume. */
    public static final int GROUP_FORBIDDEN = 2;
    /** RocketMQ's {@code ForbiddenType.TOPIC_FORBIDDEN}: the topic is not readable. */
    public static final int TOPIC_FORBIDDEN = 3;

    /** The answer to a pull the broker refuses with NO_PERMISSION. */
    public static PullMessageResponseHeader forbidden(int forbiddenType) {
        return new PullMessageResponseHeader(null, null, null, null, forbiddenType);
    }

    public static PullMessageResponseHeader readFrom(RemotingCommand response) {
        return new PullMessageResponseHeader(response.requiredLong("suggestWhichBrokerId"),
                response.requiredLong("nextBeginOffset"), response.requiredLong("minOffset"),
                response.requiredLong("maxOffset"), HeaderFields.integer(response, "forbiddenType"));
    }

    @Override
    public void writeTo(RemotingCommand response) {
        response.putExtField("suggestWhichBrokerId", suggestWhichBrokerId)
                .putExtField("nextBeginOffset", nextBeginOffset)
                .putExtField("minOffset", minOffset)
                .putExtField("maxOffset", maxOffset)
                .putExtField("forbiddenType", forbiddenType);
    }
}
