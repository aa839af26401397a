package io.nimbusmq.store.queue;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.nimbusmq.message.MessageSysFlag;
import io.nimbusmq.store.dispatch.CommitLogDispatcher;
import io.nimbusmq.store.dispatch.DispatchRequest;

/** Feeds consume queues from the commit log. Prepared and rolled-back transaction messages get no entry. */
public final class ConsumeQueueDispatcher implements CommitLogDispatcher {

    private final ConsumeQueueTable table;

    public ConsumeQueueDispatcher(ConsumeQueueTable table) {
        this.table = table;
    }

    @Override
    public void dispatch(DispatchRequest request) {
        if (!MessageSysFlag.isConsumable(request.sysFlag())) {
            return;
        }
        try {
            table.findOrCreate(request.topic(), request.queueId())
                    .putEntry(request.queueOffset(), request.physicalOffset(), request.sizeBytes(), request.tagsCode());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the consume queue of " + request.topic() + "-"
                    + request.queueId(), e);
        }
    }
}
