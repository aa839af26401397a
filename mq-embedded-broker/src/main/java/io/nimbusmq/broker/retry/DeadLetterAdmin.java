package io.nimbusmq.broker.retry;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.header.ResendDeadLetterRequestHeader;
import io.nimbusmq.remoting.protocol.header.ResendDeadLetterResponseHeader;

/**
 * Sends a dead letter back to its original topic: the client side of Nimbus MQ's RESEND_DEAD_LETTER admin request.
 *
 * <pre>{@code
 * try (DeadLetterAdmin admin = new DeadLetterAdmin()) {
 *     DeadLetterAdmin.Resent resent = admin.resend("127.0.0.1:9876", "my-group", msgId);   // msgId = UNIQ_KEY
 * }
 * }</pre>
 *
 * Any RocketMQ remoting client can send the same request: code {@value RequestCode#RESEND_DEAD_LETTER} with
 * ext fields {@code group} and {@code msgId}, to the broker that holds {@code %DLQ%<group>}.
 */
public final class DeadLetterAdmin implements AutoCloseable {

    private static final long TIMEOUT_MILLIS = 5_000;

    /** Where the message was stored again. */
    public record Resent(String offsetMsgId, String topic, int queueId, long queueOffset) {
    }

    private final NettyRemotingClient client = new NettyRemotingClient(RemotingClientConfig.defaults());

    /**
     * @param brokerAddress {@code host:port} of the broker holding {@code %DLQ%<group>}
     * @param msgId the dead letter's UNIQ_KEY (the id consumers and {@code queryMessage} show) or its offsetMsgId
     * @throws IllegalStateException with the broker's remark if it refuses
     */
    public Resent resend(String brokerAddress, String group, String msgId)
            throws InterruptedException, TimeoutException {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.RESEND_DEAD_LETTER,
                new ResendDeadLetterRequestHeader(group, msgId));
        RemotingCommand response;
        try {
            response = client.invokeSync(brokerAddress, request, TIMEOUT_MILLIS)
                    .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("resend of " + msgId + " failed: " + e.getCause(), e.getCause());
        }
        if (response.code() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("resend of " + msgId + " refused (" + response.code() + "): "
                    + response.remark());
        }
        ResendDeadLetterResponseHeader header = ResendDeadLetterResponseHeader.readFrom(response);
        return new Resent(header.msgId(), header.topic(), header.queueId(), header.queueOffset());
    }

    @Override
    public void close() {
        client.close();
    }
}
