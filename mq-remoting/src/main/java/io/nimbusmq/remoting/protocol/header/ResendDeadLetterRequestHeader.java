package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;

/**
 * The header of RESEND_DEAD_LETTER ({@value RequestCode#RESEND_DEAD_LETTER}), Nimbus MQ's own admin request (RocketMQ
 * has no call that sends a dead letter back to its topic): store a message of {@code %DLQ%<group>} again in its
 * original topic. Answered with a {@link ResendDeadLetterResponseHeader}.
 *
 * <pre>
 * | field | wire name | required | notes                                          |
 * |-------|-----------|----------|------------------------------------------------|
 * | group | group     | yes      | the consumer group whose DLQ holds the message |
 * | msgId | msgId     | yes      | its UNIQ_KEY or its offsetMsgId                |
 * </pre>
 */
public record ResendDeadLetterRequestHeader(String group, String msgId) implements CommandHeader {

    public static ResendDeadLetterRequestHeader readFrom(RemotingCommand request) {
        return new ResendDeadLetterRequestHeader(request.requiredString("group"), request.requiredString("msgId"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("group", group)
                .putExtField("msgId", msgId);
    }
}
