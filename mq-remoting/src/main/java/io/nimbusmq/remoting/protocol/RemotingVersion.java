package io.nimbusmq.remoting.protocol;

/**
 * RocketMQ {@code MQVersion} ordinals that appear in command headers, and the version we stamp on our own commands.
 *
 * <p>Peers gate behaviour on the {@code version} they receive (see remoting-protocol.md §1.5), so our commands
 * always carry {@link #CURRENT}.
 */
public final class RemotingVersion {

    /** Name server parses REGISTER_BROKER bodies as RegisterBrokerBody from here on. */
    public static final int V3_0_11 = 37;
    /** Broker honours {@code maxReconsumeTimes} from here on. */
    public static final int V3_4_9 = 121;
    /** Clients refuse SQL92 pulls from brokers answering HEART_BEAT with a lower version. */
    public static final int V4_1_0_SNAPSHOT = 232;
    /** The last version whose ACL signature did not cover {@code _UNIQUE_KEY_QUERY}. */
    public static final int V4_9_3 = 400;
    /** Name server writes route JSON in standard form from here on. */
    public static final int V4_9_4 = 401;
    /** Compressed register bodies include topic-queue mappings from here on. */
    public static final int V5_0_0 = 413;
    /** Apache RocketMQ 5.3.1, the version we are compatible with. */
    public static final int V5_3_1 = 475;

    /** The version written on every command we create. */
    public static final int CURRENT = V5_3_1;

    private RemotingVersion() {
    }
}
