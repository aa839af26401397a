package io.nimbusmq.remoting.protocol.header;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * The response header of REGISTER_BROKER (103); remoting-protocol.md §3.1. RocketMQ's
 * {@code RegisterBrokerResponseHeader}.
 *
 * <pre>
 * | field        | wire name    | required | notes                                   |
 * |--------------|--------------|----------|-----------------------------------------|
 * | haServerAddr | haServerAddr | no       | the master's HA address, for a slave    |
 * | masterAddr   | masterAddr   | no       | the master's address, for a slave       |
 * </pre>
 *
 * @param haServerAddr {@code null} when absent
 * @param masterAddr {@code null} when absent (a master)
 */
public record RegisterBrokerResponseHeader(String haServerAddr, String masterAddr) implements CommandHeader {

    public static RegisterBrokerResponseHeader readFrom(RemotingCommand response) {
        return new RegisterBrokerResponseHeader(response.optionalString("haServerAddr"),
                response.optionalString("masterAddr"));
    }

    @Override
    public void writeTo(RemotingCommand response) {
        response.putExtField("haServerAddr", haServerAddr)
                .putExtField("masterAddr", masterAddr);
    }
}
