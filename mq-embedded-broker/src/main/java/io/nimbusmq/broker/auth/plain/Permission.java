package io.nimbusmq.broker.auth.plain;

import java.util.Locale;

/**
 * ACL 1.0 permissions on a topic or group, as bits (apache/rocketmq {@code acl/common/Permission}): {@link #DENY} 1,
 * {@link #PUB} 4, {@link #SUB} 8. Written in {@code plain_acl.yml} as {@code DENY}, {@code PUB}, {@code SUB},
 * {@code PUB|SUB} or {@code SUB|PUB}; read into {@link io.nimbusmq.broker.auth.AccessRule}s.
 */
public final class Permission {

    public static final byte DENY = 1;
    public static final byte PUB = 1 << 2;
    public static final byte SUB = 1 << 3;

    private Permission() {
    }

    /** Whether {@code owned} grants {@code needed}: never when {@code owned} has DENY; otherwise the bits must overlap. */
    public static boolean grants(byte owned, byte needed) {
        return (owned & DENY) == 0 && (needed & owned) != 0;
    }

    /**
     * Parses a permission word; a missing one ({@code null}) is DENY, as in RocketMQ.
     *
     * @throws IllegalArgumentException for anything but DENY, PUB, SUB, PUB|SUB, SUB|PUB (case-insensitive)
     */
    public static byte parse(String word) {
        if (word == null) {
            return DENY;
        }
        return switch (word.trim().toUpperCase(Locale.ROOT)) {
            case "DENY" -> DENY;
            case "PUB" -> PUB;
            case "SUB" -> SUB;
            case "PUB|SUB", "SUB|PUB" -> PUB | SUB;
            default -> throw new IllegalArgumentException("unknown permission '" + word
                    + "'; expected DENY, PUB, SUB or PUB|SUB");
        };
    }
}
