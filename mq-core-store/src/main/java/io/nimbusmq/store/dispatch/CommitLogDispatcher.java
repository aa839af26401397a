package io.nimbusmq.store.dispatch;

/**
 * Receives every message appended to the commit log, in commit log order, on the dispatch thread. Consume queues,
 * the index and long-poll wake-ups are all dispatchers.
 *
 * <p>A dispatcher must be idempotent for messages it has already seen: after a crash, recovery dispatches again from
 * the last checkpoint.
 */
@FunctionalInterface
public interface CommitLogDispatcher {

    void dispatch(DispatchRequest request);
}
