package io.nimbusmq.client.internal.consumer;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.client.ReceivedMessage;
import io.nimbusmq.client.consumer.ConsumeStatus;
import io.nimbusmq.client.consumer.MessageHandler;
import io.nimbusmq.remoting.dispatch.NamedThreadFactory;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands pulled messages to the {@link MessageHandler} on the consumer's pool and commits what finished. The pull loop
 * calls {@link #submit} after adding the messages to the queue's {@link ProcessQueue}.
 */
public interface ConsumeService {

    void submit(MessageQueue queue, ProcessQueue processQueue, List<ReceivedMessage> messages,
            boolean dispatchToConsume);

    /** Stops taking new work and waits up to {@code timeoutMillis} for running handlers; true if all finished. */
    boolean shutdown(long timeoutMillis);

    /** The handler's verdict; an exception (or null) means RETRY. */
    static ConsumeStatus invoke(MessageHandler handler, List<ReceivedMessage> messages, Logger log) {
        try {
            ConsumeStatus status = handler.handle(messages);
            return status == null ? ConsumeStatus.RETRY : status;
        } catch (RuntimeException | Error e) {
            log.warn("Message handler failed on {} message(s), first {}: {}", messages.size(),
                    messages.get(0).msgId(), e.toString());
            return ConsumeStatus.RETRY;
        }
    }

    static ThreadPoolExecutor pool(String group, int threads) {
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamedThreadFactory("nimbus-consume-" + group, true));
    }

    static boolean awaitPool(ExecutorService pool, long timeoutMillis) {
        pool.shutdown();
        try {
            if (pool.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        LoggerFactory.getLogger(ConsumeService.class).warn("Consume pool did not drain within {} ms", timeoutMillis);
        return false;
    }
}
