package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The response header of GET_KV_CONFIG (101); remoting-protocol.md §3.4. RocketMQ's {@code GetKVConfigResponseHeader}.
 *
 * <pre>
 * | field | wire name | required |
 * |-------|-----------|----------|
 * | value | value     | no       |
 * </pre>
 *
 * @param value {@code null} when absent
 */
public record KvConfigResponseHeader(String value) implements CommandHeader {

    public static KvConfigResponseHeader readFrom(RemotingCommand response) {
        return new KvConfigResponseHeader(response.optionalString("value"));
    }

    @Override
    public void writeTo(RemotingCommand response) {
        response.putExtField("value", value);
    }
}
