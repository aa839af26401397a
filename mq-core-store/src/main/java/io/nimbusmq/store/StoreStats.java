package io.nimbusmq.store;

/**
 * Counters of a running store.
 *
 * @param putMessageCount messages stored since start
 * @param putBytes bytes stored since start
 * @param forceCount commit log forces (fsyncs) since start
 * @param dispatchBehindBytes commit log bytes not yet in the consume queues and index
 */
public record StoreStats(long putMessageCount, long putBytes, long forceCount, long dispatchBehindBytes) {
}
