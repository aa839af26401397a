package io.nimbusmq.broker.console.data;

/**
 * RocketMQ's {@code MQVersion} ordinals as names. From V4_0_0_SNAPSHOT (212) the enum is regular: for every
 * {@code major.minor.patch} (minor and patch 0-9) a SNAPSHOT and a release, in order; earlier ordinals are shown as
 * numbers.
 */
final class ClientVersions {

    private static final int V4_0_0_SNAPSHOT = 212;

    private ClientVersions() {
    }

    static String name(int ordinal) {
        if (ordinal < V4_0_0_SNAPSHOT) {
            return "#" + ordinal;
        }
        int n = ordinal - V4_0_0_SNAPSHOT;
        int release = n / 2;
        return "V" + (4 + release / 100) + "_" + (release / 10) % 10 + "_" + release % 10
                + (n % 2 == 0 ? "_SNAPSHOT" : "");
    }
}
