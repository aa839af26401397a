package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of GET_KV_CONFIG (101, answered with a {@link KvConfigResponseHeader}) and DELETE_KV_CONFIG (102), to the
 * name server; remoting-protocol.md §3.4. RocketMQ's {@code GetKVConfigRequestHeader} and
 * {@code DeleteKVConfigRequestHeader}, which have the same fields.
 *
 * <pre>
 * | field     | wire name | required |
 * |-----------|-----------|----------|
 * | namespace | namespace | yes      |
 * | key       | key       | yes      |
 * </pre>
 */
public record KvConfigRequestHeader(String namespace, String key) implements CommandHeader {

    public static KvConfigRequestHeader readFrom(RemotingCommand request) {
        return new KvConfigRequestHeader(request.requiredString("namespace"), request.requiredString("key"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("namespace", namespace)
                .putExtField("key", key);
    }
}
