package io.nimbusmq.broker.registration;

import io.nimbusmq.remoting.RemotingAddresses;
import java.net.InetSocketAddress;

/**
 * Who this broker is to the name servers; the fixed part of every REGISTER_BROKER header.
 *
 * @param clusterName  {@value #DEFAULT_CLUSTER} when null or blank
 * @param brokerName   the broker group, shared by a master and its slaves
 * @param brokerId     0 for a master
 * @param brokerAddr   {@code "ip:port"} clients connect to
 * @param haServerAddr {@code "ip:port"} slaves replicate from; when null, the broker's host with port + 1 (RocketMQ's
 *                     HA port, 10912 for 10911)
 */
public record BrokerIdentity(String clusterName, String brokerName, long brokerId, String brokerAddr,
                             String haServerAddr) {

    public static final String DEFAULT_CLUSTER = "DefaultCluster";
    public static final long MASTER_ID = 0;

    public BrokerIdentity {
        clusterName = clusterName == null || clusterName.isBlank() ? DEFAULT_CLUSTER : clusterName;
        if (brokerName == null || brokerName.isBlank()) {
            throw new IllegalArgumentException("brokerName must not be blank");
        }
        if (brokerId < 0) {
            throw new IllegalArgumentException("brokerId must not be negative: " + brokerId);
        }
        InetSocketAddress address = RemotingAddresses.parse(brokerAddr);
        if (haServerAddr == null || haServerAddr.isBlank()) {
            haServerAddr = brokerAddr.substring(0, brokerAddr.lastIndexOf(':') + 1) + (address.getPort() + 1);
        }
    }

    /** A master of {@code brokerName} in the default cluster, HA address derived. */
    public static BrokerIdentity master(String brokerName, String brokerAddr) {
        return new BrokerIdentity(DEFAULT_CLUSTER, brokerName, MASTER_ID, brokerAddr, null);
    }

    public boolean isMaster() {
        return brokerId == MASTER_ID;
    }
}
