package io.nimbusmq.benchmark.broker;

import java.util.Arrays;

/** The brokers the comparison knows. */
public enum BrokerKind {

    /** Apache RocketMQ's name server and broker in one JVM ({@code ApacheRocketMqMain}). */
    APACHE("apache"),
    /** Our standalone broker with its embedded name server ({@code BrokerLauncher}). */
    NIMBUS("nimbus");

    private final String id;

    BrokerKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static BrokerKind byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown broker '" + id + "'; known: apache, nimbus"));
    }
}
