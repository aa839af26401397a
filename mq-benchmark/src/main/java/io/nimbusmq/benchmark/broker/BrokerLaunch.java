package io.nimbusmq.benchmark.broker;

import java.util.List;

/**
 * How to start one broker JVM and where to reach it once it is up.
 *
 * @param kind        which broker
 * @param command     the full command line ({@code java ...})
 * @param namesrvAddr the name server clients use
 * @param brokerAddr  the broker itself, for topic creation
 */
public record BrokerLaunch(BrokerKind kind, List<String> command, String namesrvAddr, String brokerAddr) {

    public BrokerLaunch {
        command = List.copyOf(command);
    }
}
