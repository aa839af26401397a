package io.nimbusmq.client.internal.producer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official producer's fault avoidance: a broker that answered slowly, or failed, is skipped for a while. A send
 * taking {@code latency} ms puts its broker aside for the duration of the first {@link #LATENCY_MAX} step it reaches;
 * a failure counts as 30 s of latency.
 */
public final class LatencyFaultTolerance {

    static final long[] LATENCY_MAX = {50L, 100L, 550L, 1800L, 3000L, 5000L, 15000L};
    static final long[] NOT_AVAILABLE_MILLIS = {0L, 0L, 2000L, 5000L, 6000L, 10000L, 30000L};
    static final long FAILURE_LATENCY_MILLIS = 30_000L;

    private final Map<String, Long> availableAfterMillis = new ConcurrentHashMap<>();
    private final boolean enabled;

    public LatencyFaultTolerance(boolean enabled) {
        this.enabled = enabled;
    }

    public void record(String brokerName, long latencyMillis, boolean failed, long nowMillis) {
        if (!enabled) {
            return;
        }
        long duration = notAvailableFor(failed ? FAILURE_LATENCY_MILLIS : latencyMillis);
        if (duration <= 0) {
            availableAfterMillis.remove(brokerName);
        } else {
            availableAfterMillis.put(brokerName, nowMillis + duration);
        }
    }

    public boolean isAvailable(String brokerName, long nowMillis) {
        Long after = availableAfterMillis.get(brokerName);
        return after == null || nowMillis >= after;
    }

    static long notAvailableFor(long latencyMillis) {
        for (int i = LATENCY_MAX.length - 1; i >= 0; i--) {
            if (latencyMillis >= LATENCY_MAX[i]) {
                return NOT_AVAILABLE_MILLIS[i];
            }
        }
        return 0;
    }
}
