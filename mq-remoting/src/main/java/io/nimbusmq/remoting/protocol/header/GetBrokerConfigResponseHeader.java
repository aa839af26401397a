package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The response header of GET_BROKER_CONFIG (26): the version of the broker's configuration, as DataVersion JSON.
 * RocketMQ's {@code GetBrokerConfigResponseHeader}.
 *
 * <pre>
 * | field   | wire name | required | notes                                                  |
 * |---------|-----------|----------|--------------------------------------------------------|
 * | version | version   | yes      | {"counter":1,"stateVersion":0,"timestamp":…}           |
 * </pre>
 */
public record GetBrokerConfigResponseHeader(String version) implements CommandHeader {

    public static GetBrokerConfigResponseHeader readFrom(RemotingCommand response) {
        return new GetBrokerConfigResponseHeader(response.requiredString("version"));
    }

    @Override
    public void writeTo(RemotingCommand response) {
        response.putExtField("version", version);
    }
}
