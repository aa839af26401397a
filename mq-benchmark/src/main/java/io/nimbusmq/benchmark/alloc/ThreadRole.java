package io.nimbusmq.benchmark.alloc;

/**
 * Which path a thread of the probe's JVM (broker and client in one process) serves, told by its name. The prefixes
 * are at most 15 characters long, so that they also match the names the kernel keeps ({@code /proc/.../comm}).
 */
public enum ThreadRole {

    BROKER_IO("broker: Netty I/O (decode, encode, write)", true, "nimbus-remoting"),
    BROKER_SEND("broker: send executor", true, "broker-send"),
    BROKER_PULL_HOLD("broker: held-pull expiry", true, "broker-pull-hol"),
    BROKER_PULL("broker: pull executor", true, "broker-pull"),
    STORE_DISPATCH("store: dispatch (consume queues, index, wake-ups)", true, "store-reput"),
    STORE_OTHER("store: flush, prefault, checkpoint and the rest", true, "store-"),
    BROKER_OTHER("broker: other threads", true, "broker-", "client-housekee", "nimbus-namesrv", "nimbus-broker-r"),
    CLIENT_IO("client: Netty I/O", false, "nimbus-client-i"),
    CLIENT_WORKERS("client: workers (pull chain, retries)", false, "nimbus-client-w", "nimbus-client-t"),
    CLIENT_CONSUME("client: consume threads (listener)", false, "nimbus-consume-"),
    CLIENT_CALLER("client: the application's sending thread", false, "probe-"),
    OTHER("other threads of the JVM", false);

    private final String description;
    private final boolean broker;
    private final String[] prefixes;

    ThreadRole(String description, boolean broker, String... prefixes) {
        this.description = description;
        this.broker = broker;
        this.prefixes = prefixes;
    }

    public String description() {
        return description;
    }

    public boolean broker() {
        return broker;
    }

    /** The role of the thread named {@code name} (a Java thread name, or its first 15 characters). */
    public static ThreadRole of(String name) {
        for (ThreadRole role : values()) {
            for (String prefix : role.prefixes) {
                if (name.startsWith(prefix)) {
                    return role;
                }
            }
        }
        return OTHER;
    }
}
