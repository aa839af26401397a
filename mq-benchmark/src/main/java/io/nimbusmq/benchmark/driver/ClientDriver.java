package io.nimbusmq.benchmark.driver;

/**
 * The load generator's view of a client library: producers and push consumers, nothing else. Both brokers are driven
 * through the same implementation in one comparison, so the broker is the only thing that differs.
 *
 * <p>Implementations: {@link OfficialClientDriver} (the official {@code org.apache.rocketmq:rocketmq-client}) and, once
 * plugged in, our own client (see {@link ClientDrivers}). A driver may be called from many threads at once; every
 * producer and consumer it starts gets its own connection set (no sharing between them), so scenarios do not
 * disturb each other.
 */
public interface ClientDriver {

    /** A short name for tables and file names, e.g. {@code official}. */
    String name();

    /** A human description for the report, e.g. {@code org.apache.rocketmq:rocketmq-client 5.3.1}. */
    String description();

    /** A started producer in {@code group} that finds brokers through the name server at {@code namesrvAddr}. */
    DriverProducer startProducer(String namesrvAddr, String group) throws Exception;

    /**
     * A started push consumer (clustering) of {@code group} on every queue of {@code topic}, reading a new group from
     * the first offset, that hands every message body to {@code handler} and acknowledges it when the handler
     * returns.
     */
    DriverConsumer startPushConsumer(String namesrvAddr, String group, String topic, ConsumerOptions options,
            MessageHandler handler) throws Exception;
}
