package io.nimbusmq.benchmark.scale;

import io.nimbusmq.benchmark.load.MeasuredPeriod;

/**
 * What was measured at one checkpoint.
 *
 * @param checkpoint        the planned stored count
 * @param stored            messages in the fill topic when the measurements began
 * @param fillRate          msg/s of the fill that led here (batches), NaN for the first checkpoint
 * @param produceMessages   acknowledged in the measured produce window
 * @param produce           the produce window's period (time, broker CPU, other CPU)
 * @param tail              the consume window over the newest messages
 * @param oldest            the consume window over the oldest messages
 * @param loadAverage       1/5/15-minute load average when the checkpoint's measurements ended
 * @param footprint         the store's disk use after the measurements (before the restart)
 * @param storedAfter       messages in the fill topic before the kill
 * @param restart           kill -9 and restart figures
 */
public record CheckpointResult(long checkpoint, long stored, double fillRate, long produceMessages,
        MeasuredPeriod.Measured produce, ConsumeWindow.Result tail, ConsumeWindow.Result oldest, String loadAverage,
        StoreFootprint footprint, long storedAfter, Restart restart) {

    public double produceRate() {
        return produce.seconds() > 0 ? produceMessages / produce.seconds() : 0;
    }

    public double produceCpuMicrosPerMessage() {
        return produceMessages > 0 ? produce.brokerCpuSeconds() * 1e6 / produceMessages : Double.NaN;
    }

    /**
     * A kill -9 and restart on the same store.
     *
     * @param readyMillis    launch of the new JVM to the first successful send of a client started beforehand
     * @param recoveryMillis the store's own recovery time from its log ("Store recovered: ... durationMillis=N"),
     *                       -1 if the log did not say
     * @param scannedBytes   commit log bytes recovery validated (its end minus where it started), -1 if unknown
     * @param commitLogEnd   where the commit log's valid data ends after recovery, -1 if unknown
     * @param storedAfter    messages in the fill topic once restarted (must equal the count before the kill)
     */
    public record Restart(double readyMillis, long recoveryMillis, long scannedBytes, long commitLogEnd,
            long storedAfter) {
    }
}
