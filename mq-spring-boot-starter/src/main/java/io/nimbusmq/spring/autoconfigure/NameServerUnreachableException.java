package io.nimbusmq.spring.autoconfigure;

import java.time.Duration;
import java.util.stream.Collectors;

import io.nimbusmq.client.Connectivity;

/**
 * No name server answered at start-up and {@code mq.client.fail-fast=true}; explained by
 * {@link NameServerUnreachableFailureAnalyzer}.
 */
public class NameServerUnreachableException extends IllegalStateException {

    private final Connectivity connectivity;

    NameServerUnreachableException(Connectivity connectivity, Duration timeout) {
        super("No name server answered within " + timeout.toMillis() + " ms: " + connectivity.nameServers().stream()
                .map(server -> server.address() + " (" + server.lastError() + ")")
                .collect(Collectors.joining(", ")));
        this.connectivity = connectivity;
    }

    public Connectivity connectivity() {
        return connectivity;
    }
}
