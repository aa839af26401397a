package io.nimbusmq.namesrv;

import java.util.Objects;

/**
 * Who registers, from the REGISTER_BROKER header (remoting-protocol.md §3.1).
 *
 * @param address                where the broker is (cluster and {@code "ip:port"})
 * @param brokerName             its broker group; master and slaves share it
 * @param brokerId               0 for the master, which alone updates the topics' queue data
 * @param haServerAddr           the address slaves replicate from
 * @param heartbeatTimeoutMillis how long the broker may stay silent before it is dropped
 * @param enableActingMaster     whether a slave may act as master of this group
 */
public record BrokerRegistration(BrokerAddress address, String brokerName, long brokerId, String haServerAddr,
                                 long heartbeatTimeoutMillis, boolean enableActingMaster) {

    public BrokerRegistration {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(brokerName, "brokerName");
        if (brokerId < 0) {
            throw new IllegalArgumentException("brokerId must not be negative: " + brokerId);
        }
        if (heartbeatTimeoutMillis <= 0) {
            throw new IllegalArgumentException("heartbeatTimeoutMillis must be positive: " + heartbeatTimeoutMillis);
        }
    }

    /** A master with the default heartbeat timeout; mostly for tests and in-process registration. */
    public static BrokerRegistration master(String clusterName, String brokerName, String brokerAddr,
                                            String haServerAddr) {
        return new BrokerRegistration(new BrokerAddress(clusterName, brokerAddr), brokerName, 0, haServerAddr,
                RouteInfoManager.DEFAULT_HEARTBEAT_TIMEOUT_MILLIS, false);
    }

    public boolean isMaster() {
        return brokerId == 0;
    }
}
