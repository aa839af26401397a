package io.nimbusmq.message;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two message ids of RocketMQ.
 *
 * <ul>
 * <li><b>offsetMsgId</b>: uppercase hex of [store host IP (4 or 16 bytes), port (4), physical offset (8)]; clients
 * decode it to find the broker and the commit log position.</li>
 * <li><b>UNIQ_KEY</b>: uppercase hex of [IP (4), pid (2), class loader hash (4), milliseconds since the start of the
 * month (4), counter (2)], generated here only when a producer did not set one.</li>
 * </ul>
 */
public final class MessageIds {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final byte[] UNIQUE_PREFIX = uniquePrefix();
    private static volatile long monthStartMillis;
    private static volatile long nextMonthStartMillis;

    private MessageIds() {
    }

    public static String offsetMessageId(InetSocketAddress storeHost, long physicalOffset) {
        byte[] ip = storeHost.getAddress() == null ? new byte[4] : storeHost.getAddress().getAddress();
        ByteBuffer buf = ByteBuffer.allocate(ip.length + 12);
        buf.put(ip).putInt(storeHost.getPort()).putLong(physicalOffset);
        return HEX.formatHex(buf.array());
    }

    public static String newUniqueId() {
        long now = System.currentTimeMillis();
        if (now >= nextMonthStartMillis) {
            resetMonth();
        }
        ByteBuffer buf = ByteBuffer.allocate(16);
        buf.put(UNIQUE_PREFIX);
        buf.putInt((int) (now - monthStartMillis));
        buf.putShort((short) COUNTER.getAndIncrement());
        return HEX.formatHex(buf.array());
    }

    private static synchronized void resetMonth() {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate first = LocalDate.now(zone).withDayOfMonth(1);
        monthStartMillis = first.atStartOfDay(zone).toInstant().toEpochMilli();
        nextMonthStartMillis = first.plusMonths(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static byte[] uniquePrefix() {
        byte[] ip;
        try {
            ip = InetAddress.getLocalHost().getAddress();
        } catch (java.io.IOException e) {
            ip = new byte[] {127, 0, 0, 1};
        }
        ByteBuffer buf = ByteBuffer.allocate(10);
        buf.put(ip.length == 4 ? ip : new byte[] {ip[12], ip[13], ip[14], ip[15]});
        buf.putShort((short) ProcessHandle.current().pid());
        buf.putInt(MessageIds.class.getClassLoader().hashCode());
        return buf.array();
    }
}
