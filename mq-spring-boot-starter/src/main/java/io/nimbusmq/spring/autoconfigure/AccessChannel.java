package io.nimbusmq.spring.autoconfigure;

/**
 * RocketMQ's access channel ({@code rocketmq.access-channel}, the official client's {@code AccessChannel}). In
 * RocketMQ 5.3 it changes message traces only: with {@code CLOUD} the trace dispatcher sends to
 * {@code rmq_sys_TRACE_DATA_<region>} instead of {@code RMQ_SYS_TRACE_TOPIC} and leaves the time stamp and group out
 * of consume-trace records; namespaces, routes and sends are the same. Nimbus MQ sends no RocketMQ message traces (it
 * observes with Micrometer), so both values behave alike.
 */
public enum AccessChannel {

    /** A self-hosted RocketMQ (the default). */
    LOCAL,

    /** A cloud RocketMQ service (only its message traces differ in RocketMQ). */
    CLOUD
}
