package io.nimbusmq.client.internal.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteLogger;

import io.nimbusmq.client.Connectivity;
import io.nimbusmq.remoting.RemotingConnectException;
import io.nimbusmq.remoting.RemotingTimeoutException;
import io.nimbusmq.remoting.protocol.RequestCode;

class ReachabilityTests {

    private final Queue<SubstituteLoggingEvent> events = new ConcurrentLinkedQueue<>();
    private final Reachability reachability = new Reachability(List.of("10.0.0.1:9876", "10.0.0.2:9876"),
            Clock.fixed(Instant.parse("2026-03-14T09:00:00Z"), ZoneOffset.UTC),
            new EventRecordingLogger(new SubstituteLogger("reachability", events, false), events));

    @Test
    void anUnreachableServerIsWarnedOncePerAddressWithItsCause() {
        for (int i = 0; i < 5; i++) {
            reachability.unreachable("10.0.0.1:9876", RequestCode.GET_ROUTEINFO_BY_TOPIC,
                    new RemotingConnectException("cannot connect to 10.0.0.1:9876: Connection refused"));
        }
        reachability.unreachable("10.0.0.9:10911", RequestCode.HEART_BEAT,
                new RemotingTimeoutException("no response within 3000 ms", 3000));

        List<String> warnings = lines(Level.WARN);
        assertThat(warnings).containsExactly(
                "Name server 10.0.0.1:9876 is unreachable (GET_ROUTEINFO_BY_TOPIC (105)): cannot connect to "
                        + "10.0.0.1:9876: Connection refused; check mq.name-server / ClientConfig.nameServer and that "
                        + "the name server runs",
                "Broker 10.0.0.9:10911 is unreachable (HEART_BEAT (34)): no response within 3000 ms");
    }

    @Test
    void statesStartUnknownGoDownAndComeBackUp() {
        reachability.unreachable("10.0.0.1:9876", RequestCode.GET_ROUTEINFO_BY_TOPIC,
                new RemotingConnectException("refused"));
        reachability.answered("10.0.0.5:10911");

        Connectivity connectivity = reachability.snapshot(List.of("10.0.0.1:9876", "10.0.0.2:9876"),
                Set.of("10.0.0.6:10911"));
        assertThat(connectivity.nameServers()).extracting(Connectivity.Server::status)
                .containsExactly(Connectivity.Status.DOWN, Connectivity.Status.UNKNOWN);
        assertThat(connectivity.brokers()).extracting(Connectivity.Server::address, Connectivity.Server::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10.0.0.5:10911", Connectivity.Status.UP),
                        org.assertj.core.groups.Tuple.tuple("10.0.0.6:10911", Connectivity.Status.UNKNOWN));
        assertThat(connectivity.anyNameServerUp()).isFalse();

        reachability.answered("10.0.0.1:9876");
        assertThat(reachability.snapshot(List.of("10.0.0.1:9876"), Set.of()).anyNameServerUp()).isTrue();
        assertThat(lines(Level.INFO)).containsExactly("Name server 10.0.0.1:9876 answers again");
    }

    @Test
    void onlyConnectionTimeoutAndWriteFailuresMeanUnreachable() {
        assertThat(Reachability.isUnreachable(new RemotingConnectException("x"))).isTrue();
        assertThat(Reachability.isUnreachable(new RemotingTimeoutException("x", 1))).isTrue();
        assertThat(Reachability.isUnreachable(new IllegalStateException("x"))).isFalse();
    }

    private List<String> lines(Level level) {
        return events.stream().filter(event -> event.getLevel() == level)
                .map(event -> MessageFormatter.arrayFormat(event.getMessage(), event.getArgumentArray()).getMessage())
                .toList();
    }
}
