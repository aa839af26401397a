package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The header of PUT_KV_CONFIG (100), admin to name server; remoting-protocol.md §3.4. RocketMQ's
 * {@code PutKVConfigRequestHeader}.
 *
 * <pre>
 * | field     | wire name | required |
 * |-----------|-----------|----------|
 * | namespace | namespace | yes      |
 * | key       | key       | yes      |
 * | value     | value     | yes      |
 * </pre>
 */
public record PutKvConfigRequestHeader(String namespace, String key, String value) implements CommandHeader {

    public static PutKvConfigRequestHeader readFrom(RemotingCommand request) {
        return new PutKvConfigRequestHeader(request.requiredString("namespace"), request.requiredString("key"),
                request.requiredString("value"));
    }

    @Override
    public void writeTo(RemotingCommand request) {
        request.putExtField("namespace", namespace)
                .putExtField("key", key)
                .putExtField("value", value);
    }
}
