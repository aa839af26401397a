package io.nimbusmq.client.internal.remoting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.nimbusmq.client.Connectivity;
import io.nimbusmq.remoting.RateLimitedLog;
import io.nimbusmq.remoting.RemotingConnectException;
import io.nimbusmq.remoting.RemotingSendException;
import io.nimbusmq.remoting.RemotingTimeoutException;
import io.nimbusmq.remoting.protocol.RequestCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether each name server and broker answered its last request. A failure to connect, to write, or to get an
 * answer in time marks the address down and logs one WARN per address and minute with the cause, so that a wrong or
 * unreachable {@code nameServer} is loud and never floods the log; the first answer after that marks it up again
 * (logged at INFO). Error responses are answers: the server is reachable. Thread-safe.
 */
public final class Reachability {

    static final long WARN_INTERVAL_MILLIS = 60_000;
    private static final Logger log = LoggerFactory.getLogger(Reachability.class);

    private final Set<String> nameServers;
    private final Clock clock;
    private final Logger logger;
    private final RateLimitedLog warnings;
    private final Map<String, Connectivity.Server> states = new ConcurrentHashMap<>();

    public Reachability(List<String> nameServers, Clock clock) {
        this(nameServers, clock, log);
    }

    /** @param logger where the WARN and INFO lines go (tests record them) */
    Reachability(List<String> nameServers, Clock clock, Logger logger) {
        this.nameServers = Set.copyOf(nameServers);
        this.clock = clock;
        this.logger = logger;
        this.warnings = new RateLimitedLog(logger, WARN_INTERVAL_MILLIS, clock);
    }

    /** Whether {@code failure} says the peer could not be reached (rather than that it refused the request). */
    public static boolean isUnreachable(Throwable failure) {
        return failure instanceof RemotingConnectException || failure instanceof RemotingTimeoutException
                || failure instanceof RemotingSendException;
    }

    void answered(String address) {
        Connectivity.Server previous = states.put(address, new Connectivity.Server(address,
                Connectivity.Status.UP, null, sinceFor(address, Connectivity.Status.UP)));
        if (previous != null && previous.status() == Connectivity.Status.DOWN) {
            logger.info("{} {} answers again", kind(address), address);
            warnings.forget(address);
        }
    }

    void unreachable(String address, int requestCode, Throwable cause) {
        String reason = cause.getMessage();
        states.put(address, new Connectivity.Server(address, Connectivity.Status.DOWN, reason,
                sinceFor(address, Connectivity.Status.DOWN)));
        warnings.warn(address, "{} {} is unreachable ({}): {}{}", kind(address), address,
                RequestCode.describe(requestCode), reason, nameServers.contains(address)
                        ? "; check mq.name-server / ClientConfig.nameServer and that the name server runs" : "");
    }

    /** The known states: every configured name server (UNKNOWN until asked) and every broker used. */
    public Connectivity snapshot(List<String> configuredNameServers, Set<String> knownBrokers) {
        List<Connectivity.Server> names = new ArrayList<>();
        configuredNameServers.forEach(address -> names.add(stateOf(address)));
        Set<String> brokers = new java.util.TreeSet<>(knownBrokers);
        states.keySet().stream().filter(address -> !nameServers.contains(address)).forEach(brokers::add);
        return new Connectivity(names, brokers.stream().map(this::stateOf).toList());
    }

    private Connectivity.Server stateOf(String address) {
        return states.getOrDefault(address, new Connectivity.Server(address, Connectivity.Status.UNKNOWN, null,
                null));
    }

    private Instant sinceFor(String address, Connectivity.Status status) {
        Connectivity.Server previous = states.get(address);
        return previous != null && previous.status() == status ? previous.since() : clock.instant();
    }

    private String kind(String address) {
        return nameServers.contains(address) ? "Name server" : "Broker";
    }
}
