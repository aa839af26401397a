package io.nimbusmq.benchmark.driver;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;

/**
 * Answers a pull rejected with SUBSCRIPTION_NOT_LATEST by sending the consumer's heartbeat at once, for both brokers
 * alike. Without it a race in the official 5.3.1 push consumer (a rebalance's heartbeat skipped while the periodic one
 * holds the lock; apache/rocketmq#3434) can leave a new consumer receiving nothing for up to 30 s, which would measure
 * the heartbeat period rather than the broker. An {@link RPCHook} is a public extension point; the client itself is
 * unchanged.
 */
final class PullRejectedHeartbeat implements RPCHook {

    private final Executor executor;
    private volatile DefaultMQPushConsumer consumer;

    PullRejectedHeartbeat(Executor executor) {
        this.executor = executor;
    }

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
                // shutting down
            }
        }
    }
}
