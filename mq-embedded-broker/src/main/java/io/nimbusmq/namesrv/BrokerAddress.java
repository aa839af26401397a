package io.nimbusmq.namesrv;

import java.util.Objects;

/**
 * Where one broker process is: its cluster and {@code "ip:port"}. The key of the name server's live-broker table.
 */
public record BrokerAddress(String clusterName, String brokerAddr) {

    public BrokerAddress {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(brokerAddr, "brokerAddr");
    }

    @Override
    public String toString() {
        return clusterName + "/" + brokerAddr;
    }
}
