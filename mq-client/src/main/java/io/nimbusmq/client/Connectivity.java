package io.nimbusmq.client;

import java.time.Instant;
import java.util.List;

/**
 * What the client knows about the servers it talks to: each name server and each broker it has used, whether its last
 * request got an answer, and if not, why. A server never asked yet is {@link Status#UNKNOWN}.
 *
 * @param nameServers the configured name servers, in configuration order
 * @param brokers     the broker addresses seen in routes or used so far, sorted
 */
public record Connectivity(List<Server> nameServers, List<Server> brokers) {

    public Connectivity {
        nameServers = List.copyOf(nameServers);
        brokers = List.copyOf(brokers);
    }

    /** Whether at least one name server answered its last request. */
    public boolean anyNameServerUp() {
        return nameServers.stream().anyMatch(server -> server.status() == Status.UP);
    }

    public enum Status {
        /** The last request got an answer (whatever its code). */
        UP,
        /** The last request could not connect, could not be written, or got no answer in time. */
        DOWN,
        /** Not asked yet. */
        UNKNOWN
    }

    /**
     * @param address   {@code host:port}
     * @param lastError why the last request failed (null when up or unknown)
     * @param since     when the status last changed (null when unknown)
     */
    public record Server(String address, Status status, String lastError, Instant since) {
    }
}
