package io.nimbusmq.compat;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;

/**
 * Works around a race in the official 5.3.1 push consumer: answers a pull rejected with SUBSCRIPTION_NOT_LATEST by
 * sending the consumer's heartbeat at once.
 *
 * <p>The race: when a rebalance changes a consumer's queues, the client raises the subscription's {@code subVersion}
 * and announces it with a heartbeat sent only if its heartbeat lock is free ({@code tryLock}). When the periodic
 * heartbeat (the first one fires 1 s after start) holds the lock at that moment, it may carry the old version, and
 * the new one reaches the broker only with the next periodic heartbeat, 30 s later. Until then the broker answers
 * every pull of that consumer with SUBSCRIPTION_NOT_LATEST, exactly as the Apache broker does
 * (apache/rocketmq#3434), and the consumer receives nothing. The tests would still pass, but up to 30 s later.
 */
final class StaleSubscriptionHeartbeat implements RPCHook {

    private final Executor executor;
    private volatile DefaultMQPushConsumer consumer;

    /** @param executor where heartbeats are sent; never the calling (response) thread, since they block */
    StaleSubscriptionHeartbeat(Executor executor) {
        this.executor = executor;
    }

    /** The consumer this hook was given to, which heartbeats once started. */
    void attach(DefaultMQPushConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
    }

    @Override
    public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
        if (request.getCode() != RequestCode.PULL_MESSAGE || response == null
                || response.getCode() != ResponseCode.SUBSCRIPTION_NOT_LATEST || consumer == null) {
            return;
        }
        MQClientInstance client = consumer.getDefaultMQPushConsumerImpl().getmQClientFactory();
        if (client != null) {
            try {
                executor.execute(client::sendHeartbeatToAllBrokerWithLock);
            } catch (RejectedExecutionException e) {
                // the test is over; the consumer is being shut down
            }
        }
    }
}
