package io.nimbusmq.broker.schedule;

/**
 * One entry of the {@link TimerLog}: a waiting message and when its wheel slot fires.
 *
 * @param targetMillis when to act, on the broker clock: the delivery time, or for a roll the time to store the
 *        message again
 * @param commitLogOffset where the waiting copy is in the commit log
 * @param sizeBytes its size
 * @param roll whether firing stores the message again in its schedule topic (it waits longer than the roll window)
 *        instead of delivering it
 * @param prevPosition the previous entry of the same wheel slot, or -1
 */
public record TimerRecord(long targetMillis, long commitLogOffset, int sizeBytes, boolean roll, long prevPosition) {

    public long targetSecond() {
        return Math.floorDiv(targetMillis, TimeWheel.SLOT_MILLIS);
    }
}
