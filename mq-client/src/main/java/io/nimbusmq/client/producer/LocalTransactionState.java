package io.nimbusmq.client.producer;

/** The outcome of a local transaction, as the official client names it. */
public enum LocalTransactionState {
    COMMIT_MESSAGE,
    ROLLBACK_MESSAGE,
    /** Not known yet: the broker checks back later. */
    UNKNOW
}
