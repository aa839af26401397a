package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;

/**
 * The response header of RESEND_DEAD_LETTER ({@value RequestCode#RESEND_DEAD_LETTER}, Nimbus MQ's own): where the
 * dead letter was stored again.
 *
 * <pre>
 * | field       | wire name   | required | notes                          |
 * |-------------|-------------|----------|--------------------------------|
 * | msgId       | msgId       | yes      | the new copy's offsetMsgId     |
 * | topic       | topic       | yes      | the original topic             |
 * | queueId     | queueId     | yes      |                                |
 * | queueOffset | queueOffset | yes      |                                |
 * </pre>
 */
public record ResendDeadLetterResponseHeader(String msgId, String topic, int queueId, long queueOffset)
        implements CommandHeader {

    public static ResendDeadLetterResponseHeader readFrom(RemotingCommand response) {
        return new ResendDeadLetterResponseHeader(response.requiredString("msgId"), response.requiredString("topic"),
                response.requiredInt("queueId"), response.requiredLong("queueOffset"));
    }

    @Override
    public void writeTo(RemotingCommand response) {
        response.putExtField("msgId", msgId)
                .putExtField("topic", topic)
                .putExtField("queueId", queueId)
                .putExtField("queueOffset", queueOffset);
    }
}
