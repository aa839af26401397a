package io.nimbusmq.spring.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Default client instance names: {@code <application>-<pid>-<n>}, so that several application contexts in one JVM
 * (tests) and several processes on one host get distinct client ids, which the broker's rebalance relies on.
 */
final class ClientInstanceNames {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private ClientInstanceNames() {
    }

    static String next(String applicationName) {
        return applicationName + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }
}
