package io.nimbusmq.client.internal.consumer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.client.internal.ClientServices;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.LockBatchRequestBody;
import io.nimbusmq.remoting.protocol.body.client.LockBatchResponseBody;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.body.client.UnlockBatchRequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's orderly queue locks (remoting-protocol.md §4.7): LOCK_BATCH_MQ per broker when a queue is assigned and
 * for all held queues every 20 s, UNLOCK_BATCH_MQ oneway when a queue leaves and synchronously at shutdown. The lock
 * state lives on each {@link ProcessQueue}.
 */
final class QueueLocks {

    private static final Logger log = LoggerFactory.getLogger(QueueLocks.class);

    private final ClientServices services;
    private final String group;

    QueueLocks(ClientServices services, String group) {
        this.services = services;
        this.group = group;
    }

    /** Locks one queue now; true when this client holds it. */
    boolean lock(MessageQueue queue, ProcessQueue processQueue) {
        Set<MessageQueue> locked = lockOnBroker(queue.brokerName(), Set.of(queue));
        boolean ok = locked.contains(queue);
        if (processQueue != null) {
            processQueue.setLocked(ok, System.currentTimeMillis());
        }
        return ok;
    }

    /** Renews every held queue's lock, per broker; queues the broker refused are marked unlocked. */
    void lockAll(Map<MessageQueue, ProcessQueue> table) {
        Map<String, Set<MessageQueue>> byBroker = table.keySet().stream()
                .collect(Collectors.groupingBy(MessageQueue::brokerName, Collectors.toSet()));
        byBroker.forEach((broker, queues) -> {
            Set<MessageQueue> locked = lockOnBroker(broker, queues);
            long now = System.currentTimeMillis();
            for (MessageQueue queue : queues) {
                ProcessQueue processQueue = table.get(queue);
                if (processQueue != null) {
                    processQueue.setLocked(locked.contains(queue), now);
                }
            }
        });
    }

    void unlock(MessageQueue queue, boolean oneway) {
        unlock(queue.brokerName(), Set.of(queue), oneway);
    }

    void unlockAll(Set<MessageQueue> queues) {
        Map<String, Set<MessageQueue>> byBroker = queues.stream()
                .collect(Collectors.groupingBy(MessageQueue::brokerName, Collectors.toSet()));
        byBroker.forEach((broker, set) -> unlock(broker, set, false));
    }

    private Set<MessageQueue> lockOnBroker(String brokerName, Set<MessageQueue> queues) {
        String address = services.routes().masterAddress(brokerName).orElse(null);
        if (address == null) {
            return Set.of();
        }
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.LOCK_BATCH_MQ)
                .setBody(RemotingJson.encode(new LockBatchRequestBody(services.clientId(), group, queues, false)));
        try {
            RemotingCommand response = services.remoting().invokeBlocking(address, request,
                    services.requestTimeoutMillis());
            if (response.code() != ResponseCode.SUCCESS) {
                log.debug("LOCK_BATCH_MQ on {} answered {} {}", brokerName, ResponseCode.describe(response.code()), response.remark());
                return Set.of();
            }
            return RemotingJson.decode(response.body(), LockBatchResponseBody.class).lockOKMQSet();
        } catch (MqClientException | IllegalArgumentException e) {
            log.debug("LOCK_BATCH_MQ on {} failed: {}", brokerName, e.getMessage());
            return Set.of();
        }
    }

    private void unlock(String brokerName, Set<MessageQueue> queues, boolean oneway) {
        String address = services.routes().masterAddress(brokerName).orElse(null);
        if (address == null || queues.isEmpty()) {
            return;
        }
        byte[] body = RemotingJson.encode(new UnlockBatchRequestBody(services.clientId(), group, queues, false));
        if (oneway) {
            services.remoting().invokeOneway(address,
                    RemotingCommand.createOnewayRequest(RequestCode.UNLOCK_BATCH_MQ).setBody(body));
            return;
        }
        try {
            services.remoting().invokeBlocking(address,
                    RemotingCommand.createRequest(RequestCode.UNLOCK_BATCH_MQ).setBody(body),
                    services.requestTimeoutMillis());
        } catch (MqClientException e) {
            log.debug("UNLOCK_BATCH_MQ on {} failed: {}", brokerName, e.getMessage());
        }
    }

    static List<MessageQueue> sorted(Set<MessageQueue> queues) {
        return queues.stream().sorted().toList();
    }
}
