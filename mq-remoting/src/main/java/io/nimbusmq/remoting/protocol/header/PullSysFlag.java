package io.nimbusmq.remoting.protocol.header;

/**
 * The bits of {@link PullMessageRequestHeader#sysFlag()} (RocketMQ's {@code PullSysFlag}; remoting-protocol.md §4.2).
 *
 * <pre>
 * | bit  | constant              | meaning                                                                 |
 * |------|-----------------------|-------------------------------------------------------------------------|
 * | 0x1  | FLAG_COMMIT_OFFSET    | store the request's commitOffset first                                  |
 * | 0x2  | FLAG_SUSPEND          | the broker may hold the pull until a message arrives (long polling)     |
 * | 0x4  | FLAG_SUBSCRIPTION     | filter by the request's subscription and expressionType, not heartbeat's |
 * | 0x8  | FLAG_CLASS_FILTER     | obsolete class filter                                                   |
 * | 0x10 | FLAG_LITE_PULL_MESSAGE| sent by a lite-pull consumer (code 361)                                 |
 * </pre>
 */
public final class PullSysFlag {

    public static final int FLAG_COMMIT_OFFSET = 0x1;
    public static final int FLAG_SUSPEND = 0x2;
    public static final int FLAG_SUBSCRIPTION = 0x4;
    public static final int FLAG_CLASS_FILTER = 0x8;
    public static final int FLAG_LITE_PULL_MESSAGE = 0x10;

    private PullSysFlag() {
    }

    public static boolean hasCommitOffset(int sysFlag) {
        return (sysFlag & FLAG_COMMIT_OFFSET) != 0;
    }

    public static boolean hasSuspend(int sysFlag) {
        return (sysFlag & FLAG_SUSPEND) != 0;
    }

    public static boolean hasSubscription(int sysFlag) {
        return (sysFlag & FLAG_SUBSCRIPTION) != 0;
    }
}
