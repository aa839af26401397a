package io.nimbusmq.remoting.protocol.body.client;

/** Whether a consumer group shares its queues among members or every member reads everything. */
public enum MessageModel {
    /** Each queue goes to one member; members rebalance when the group changes. */
    CLUSTERING,
    /** Every member reads every queue; no rebalance, no consumer-ids notifications. */
    BROADCASTING
}
