package io.nimbusmq.store;

/**
 * Counters of a running store.
 *
 * @param putMessageCount messages stored since start
 * @param putBytes bytes stored since start
 * @param forceCount commit log forces (fsyncs) since start
 * @param dispatchBehindBytes commit log bytes not yet in the consume queues and index
 * @param inlineSegmentReservations commit log segments that a put had to create and reserve itself, under the put
 *        lock, because none was reserved ahead (the first one included); 0 unless the disk was full or a writer
 *        outran the reservation
 */
public record StoreStats(long putMessageCount, long putBytes, long forceCount, long dispatchBehindBytes,
        int inlineSegmentReservations) {
}
