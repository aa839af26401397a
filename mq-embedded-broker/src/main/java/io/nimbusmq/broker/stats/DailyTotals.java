package io.nimbusmq.broker.stats;

import java.time.LocalDate;

/**
 * The broker's message totals at the start of today and of yesterday (local time), as RocketMQ's
 * {@code BrokerStats} records them at midnight: {@code mqadmin clusterList} and the dashboard show today's count as
 * {@code msgPutTotalTodayNow - msgPutTotalTodayMorning}. Totals count from the broker's start (as RocketMQ's do).
 *
 * <p>Rolled by the sampling thread only; read by admin requests.
 */
public final class DailyTotals {

    /** The totals {@code brokerStatus} prints. */
    public record Totals(long putNow, long putTodayMorning, long putYesterdayMorning, long getNow,
            long getTodayMorning, long getYesterdayMorning) {
    }

    private LocalDate today;
    private long putTodayMorning;
    private long putYesterdayMorning;
    private long getTodayMorning;
    private long getYesterdayMorning;

    DailyTotals(LocalDate today) {
        this.today = today;
    }

    /** Moves today's morning totals to yesterday's when {@code date} is a new day. */
    synchronized void roll(LocalDate date, long putTotal, long getTotal) {
        if (!date.isAfter(today)) {
            return;
        }
        putYesterdayMorning = date.equals(today.plusDays(1)) ? putTodayMorning : putTotal;
        getYesterdayMorning = date.equals(today.plusDays(1)) ? getTodayMorning : getTotal;
        putTodayMorning = putTotal;
        getTodayMorning = getTotal;
        today = date;
    }

    synchronized Totals totals(long putTotal, long getTotal) {
        return new Totals(putTotal, putTodayMorning, putYesterdayMorning, getTotal, getTodayMorning,
                getYesterdayMorning);
    }
}
