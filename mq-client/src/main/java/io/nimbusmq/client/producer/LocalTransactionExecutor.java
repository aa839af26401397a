package io.nimbusmq.client.producer;

import io.nimbusmq.client.Message;

/** Runs the local transaction after the half message is stored. An exception counts as UNKNOW. */
@FunctionalInterface
public interface LocalTransactionExecutor {

    LocalTransactionState execute(Message message, Object argument);
}
