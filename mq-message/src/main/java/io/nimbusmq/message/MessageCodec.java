package io.nimbusmq.message;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The on-disk (and on-the-wire) message layout, byte for byte RocketMQ's, so that pulled bytes go to the official
 * client unchanged. All integers are big-endian.
 *
 * <pre>
 * | #  | field                      | bytes        | notes                                             |
 * |----|----------------------------|--------------|---------------------------------------------------|
 * | 1  | TOTALSIZE                  | 4            | whole record, this field included                 |
 * | 2  | MAGICCODE                  | 4            | 0xDAA320A7 (v1); 0xDAA320AB (v2) is read as well  |
 * | 3  | BODYCRC                    | 4            | CRC32(body) &amp; 0x7FFFFFFF                          |
 * | 4  | QUEUEID                    | 4            |                                                   |
 * | 5  | FLAG                       | 4            | user flag                                         |
 * | 6  | QUEUEOFFSET                | 8            | entry number in the consume queue, at byte 20     |
 * | 7  | PHYSICALOFFSET             | 8            | position in the commit log, at byte 28            |
 * | 8  | SYSFLAG                    | 4            | {@link MessageSysFlag}, at byte 36                |
 * | 9  | BORNTIMESTAMP              | 8            |                                                   |
 * | 10 | BORNHOST                   | 8 or 20      | IPv4 + port, or IPv6 + port with sysFlag 0x10     |
 * | 11 | STORETIMESTAMP             | 8            |                                                   |
 * | 12 | STOREHOST                  | 8 or 20      | IPv6 with sysFlag 0x20                            |
 * | 13 | RECONSUMETIMES             | 4            |                                                   |
 * | 14 | PREPAREDTRANSACTIONOFFSET  | 8            |                                                   |
 * | 15 | BODYLEN + BODY             | 4 + n        |                                                   |
 * | 16 | TOPICLEN + TOPIC           | 1 + n (v1)   | 2 + n in v2                                       |
 * | 17 | PROPLEN + PROPERTIES       | 2 + n        | signed short, at most 32767                       |
 * </pre>
 *
 * A segment whose free space cannot take the next message is closed by a blank record: TOTALSIZE (the rest of the
 * segment) and the magic {@code 0xCBD43194}; the next message starts the next segment.
 *
 * <p>The properties may end with RocketMQ's optional CRC property, a checksum of every record byte before it
 * ({@link RecordCrc}). The commit log always writes it; decoding hides it, so callers get back the properties they
 * stored.
 *
 * <p>Recovery contract: a record is valid only if its magic, its size (inside the written data and equal to the sum
 * of its parts), its PHYSICALOFFSET (equal to its position), its body CRC and its record CRC all check out
 * ({@link #checkSealed}). Anything else is a torn or damaged write, and the log is cut before it. The body CRC alone
 * would let a damaged header, topic or property string through.
 */
public final class MessageCodec {

    public static final int MAGIC_V1 = 0xDAA320A7;
    public static final int MAGIC_V2 = 0xDAA320AB;
    public static final int BLANK_MAGIC = 0xCBD43194;
    public static final int BLANK_RECORD_MIN_BYTES = 8;
    public static final int QUEUE_OFFSET_POSITION = 20;
    public static final int PHYSICAL_OFFSET_POSITION = 28;
    public static final int SYS_FLAG_POSITION = 36;
    public static final int BORN_HOST_POSITION = 48;
    public static final int MAX_PROPERTIES_BYTES = Short.MAX_VALUE;
    private static final int FIXED_BYTES_WITHOUT_HOSTS = 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + 8 + 4 + 8 + 4 + 1 + 2;
    /** Topics and properties ({@link #MAX_PROPERTIES_BYTES} at most) decode through a per-thread array this big. */
    private static final int MAX_SCRATCH_BYTES = 32 * 1024;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[256]);

    private MessageCodec() {
    }

    public static int hostLength(boolean ipv6) {
        return ipv6 ? 20 : 8;
    }

    public static int storeTimestampPosition(int sysFlag) {
        return BORN_HOST_POSITION + hostLength((sysFlag & MessageSysFlag.BORN_HOST_V6) != 0);
    }

    private static int bodyLengthPosition(int sysFlag) {
        return storeTimestampPosition(sysFlag) + 8
                + hostLength((sysFlag & MessageSysFlag.STORE_HOST_V6) != 0) + 4 + 8;
    }

    /** Size of a v1 record with these part lengths. */
    public static int recordSize(int sysFlag, int bodyLength, int topicLength, int propertiesLength) {
        return FIXED_BYTES_WITHOUT_HOSTS
                + hostLength((sysFlag & MessageSysFlag.BORN_HOST_V6) != 0)
                + hostLength((sysFlag & MessageSysFlag.STORE_HOST_V6) != 0)
                + bodyLength + topicLength + propertiesLength;
    }

    /** The sysFlag the store writes: the caller's bits plus the IPv6 bits that match the hosts. */
    public static int effectiveSysFlag(MessageInput message) {
        int flag = message.sysFlag() & ~(MessageSysFlag.BORN_HOST_V6 | MessageSysFlag.STORE_HOST_V6);
        if (isIpv6(message.bornHost())) {
            flag |= MessageSysFlag.BORN_HOST_V6;
        }
        if (isIpv6(message.storeHost())) {
            flag |= MessageSysFlag.STORE_HOST_V6;
        }
        return flag;
    }

    private static boolean isIpv6(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        return ip != null && !(ip instanceof Inet4Address);
    }

    public static int bodyCrc(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body, 0, body.length);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    /**
     * Writes a v1 record at the buffer's position, with queue offset, physical offset and store timestamp left at 0
     * for the appender to patch in. Returns the record size; the buffer's position moves past the record.
     */
    public static int encode(MessageInput message, byte[] topic, byte[] properties, int sysFlag, ByteBuffer out) {
        int size = recordSize(sysFlag, message.body().length, topic.length, properties.length);
        putFixedFieldsAndBody(message, size, sysFlag, out);
        out.put((byte) topic.length);
        out.put(topic);
        out.putShort((short) properties.length);
        out.put(properties);
        return size;
    }

    /**
     * Like {@link #encode(MessageInput, byte[], byte[], int, ByteBuffer)}, with the message's own topic and property
     * string followed by {@code propertiesSuffix} (an entry such as {@link RecordCrc#RESERVED_ENTRY}), written
     * straight into the buffer: an ASCII topic and property string cost no intermediate copy ({@link Utf8}).
     *
     * @param topicBytes the topic's UTF-8 length ({@link Utf8#length})
     * @param propertiesBytes the property string's UTF-8 length plus the suffix's
     */
    public static int encode(MessageInput message, int topicBytes, int propertiesBytes, String propertiesSuffix,
            int sysFlag, ByteBuffer out) {
        int size = recordSize(sysFlag, message.body().length, topicBytes, propertiesBytes);
        putFixedFieldsAndBody(message, size, sysFlag, out);
        out.put((byte) topicBytes);
        Utf8.put(out, message.topic());
        out.putShort((short) propertiesBytes);
        Utf8.put(out, message.properties());
        Utf8.put(out, propertiesSuffix);
        return size;
    }

    private static void putFixedFieldsAndBody(MessageInput message, int size, int sysFlag, ByteBuffer out) {
        out.putInt(size);
        out.putInt(MAGIC_V1);
        out.putInt(bodyCrc(message.body()));
        out.putInt(message.queueId());
        out.putInt(message.flag());
        out.putLong(0L);
        out.putLong(0L);
        out.putInt(sysFlag);
        out.putLong(message.bornTimestamp());
        putHost(out, message.bornHost());
        out.putLong(0L);
        putHost(out, message.storeHost());
        out.putInt(message.reconsumeTimes());
        out.putLong(message.preparedTransactionOffset());
        out.putInt(message.body().length);
        out.put(message.body());
    }

    private static void putHost(ByteBuffer out, InetSocketAddress host) {
        InetAddress ip = host.getAddress();
        out.put(ip == null ? new byte[4] : ip.getAddress());
        out.putInt(host.getPort());
    }

    /** Patches the fields known only at append time into a record that starts at {@code position}. */
    public static void patchAppendFields(ByteBuffer buf, int position, long queueOffset, long physicalOffset,
            long storeTimestamp) {
        buf.putLong(position + QUEUE_OFFSET_POSITION, queueOffset);
        buf.putLong(position + PHYSICAL_OFFSET_POSITION, physicalOffset);
        int sysFlag = buf.getInt(position + SYS_FLAG_POSITION);
        buf.putLong(position + storeTimestampPosition(sysFlag), storeTimestamp);
    }

    /** Writes the blank record that closes a segment. */
    public static void encodeBlank(ByteBuffer out, int sizeBytes) {
        out.putInt(sizeBytes);
        out.putInt(BLANK_MAGIC);
    }

    /**
     * Validates the record at {@code position}, reading no further than {@code limit} (the end of written data). A
     * record CRC is verified if the record has one.
     */
    public static RecordCheck check(ByteBuffer buf, int position, int limit, long expectedPhysicalOffset) {
        return check(buf, position, limit, expectedPhysicalOffset, false);
    }

    /** Like {@link #check}, but a message without a record CRC is corrupt: the check for the store's own records. */
    public static RecordCheck checkSealed(ByteBuffer buf, int position, int limit, long expectedPhysicalOffset) {
        return check(buf, position, limit, expectedPhysicalOffset, true);
    }

    private static RecordCheck check(ByteBuffer buf, int position, int limit, long expectedPhysicalOffset,
            boolean sealed) {
        if (limit - position < BLANK_RECORD_MIN_BYTES) {
            return RecordCheck.end();
        }
        int size = buf.getInt(position);
        int magic = buf.getInt(position + 4);
        if (size == 0 && magic == 0) {
            return RecordCheck.end();
        }
        if (magic == BLANK_MAGIC) {
            return size == limit - position ? RecordCheck.blank(size)
                    : RecordCheck.corrupt("blank record of " + size + " bytes does not end the segment");
        }
        if (magic != MAGIC_V1 && magic != MAGIC_V2) {
            return RecordCheck.corrupt("bad magic code " + Integer.toHexString(magic));
        }
        if (size < FIXED_BYTES_WITHOUT_HOSTS + 16 || size > limit - position) {
            return RecordCheck.corrupt("record size " + size + " exceeds the written data");
        }
        return checkParts(buf, position, size, magic, expectedPhysicalOffset, sealed);
    }

    private static RecordCheck checkParts(ByteBuffer buf, int position, int size, int magic, long expectedOffset,
            boolean sealed) {
        long physicalOffset = buf.getLong(position + PHYSICAL_OFFSET_POSITION);
        if (physicalOffset != expectedOffset) {
            return RecordCheck.corrupt("physical offset " + physicalOffset + " found at " + expectedOffset);
        }
        int sysFlag = buf.getInt(position + SYS_FLAG_POSITION);
        int bodyLengthPos = position + bodyLengthPosition(sysFlag);
        int bodyLength = buf.getInt(bodyLengthPos);
        if (bodyLength < 0 || bodyLengthPos + 4 + bodyLength + 1 > position + size) {
            return RecordCheck.corrupt("body length " + bodyLength + " exceeds the record");
        }
        int topicPos = bodyLengthPos + 4 + bodyLength;
        int topicLength = magic == MAGIC_V1 ? buf.get(topicPos) & 0xFF : buf.getShort(topicPos) & 0xFFFF;
        int topicLenBytes = magic == MAGIC_V1 ? 1 : 2;
        int propertiesPos = topicPos + topicLenBytes + topicLength;
        if (propertiesPos + 2 > position + size) {
            return RecordCheck.corrupt("topic length " + topicLength + " exceeds the record");
        }
        int propertiesLength = buf.getShort(propertiesPos);
        if (propertiesLength < 0 || propertiesPos + 2 + propertiesLength != position + size) {
            return RecordCheck.corrupt("record parts do not add up to its size " + size);
        }
        CRC32 crc = new CRC32();
        crc.update(buf.slice(bodyLengthPos + 4, bodyLength));
        int expectedCrc = buf.getInt(position + 8);
        if ((int) (crc.getValue() & 0x7FFFFFFF) != expectedCrc) {
            return RecordCheck.corrupt("body CRC mismatch at physical offset " + physicalOffset);
        }
        String recordCrcProblem = RecordCrc.verify(buf, position, size, propertiesLength, sealed);
        if (recordCrcProblem != null) {
            return RecordCheck.corrupt(recordCrcProblem + " at physical offset " + physicalOffset);
        }
        return RecordCheck.message(size);
    }

    /** Reads what dispatchers need from the record at {@code position}; the record must already be valid. */
    public static MessageMeta decodeMeta(ByteBuffer buf, int position) {
        int size = buf.getInt(position);
        int magic = buf.getInt(position + 4);
        int sysFlag = buf.getInt(position + SYS_FLAG_POSITION);
        int topicPos = topicLengthPosition(buf, position);
        int topicLength = magic == MAGIC_V2 ? buf.getShort(topicPos) & 0xFFFF : buf.get(topicPos) & 0xFF;
        int topicStart = topicPos + (magic == MAGIC_V2 ? 2 : 1);
        int propertiesPos = topicStart + topicLength;
        int propertiesLength = userPropertiesLength(buf, propertiesPos);
        return new MessageMeta(size,
                buf.getInt(position + 12),
                buf.getLong(position + QUEUE_OFFSET_POSITION),
                buf.getLong(position + PHYSICAL_OFFSET_POSITION),
                sysFlag,
                buf.getLong(position + storeTimestampPosition(sysFlag)),
                readString(buf, topicStart, topicLength),
                readString(buf, propertiesPos + 2, propertiesLength));
    }

    /** Decodes the whole record that starts at the buffer's position (absolute reads; the position is unchanged). */
    public static StoredMessage decode(ByteBuffer buf) {
        int p = buf.position();
        int magic = buf.getInt(p + 4);
        int sysFlag = buf.getInt(p + SYS_FLAG_POSITION);
        boolean bornV6 = (sysFlag & MessageSysFlag.BORN_HOST_V6) != 0;
        boolean storeV6 = (sysFlag & MessageSysFlag.STORE_HOST_V6) != 0;
        int storeTsPos = p + storeTimestampPosition(sysFlag);
        int storeHostPos = storeTsPos + 8;
        int reconsumePos = storeHostPos + hostLength(storeV6);
        int bodyLengthPos = reconsumePos + 12;
        int bodyLength = buf.getInt(bodyLengthPos);
        byte[] body = new byte[bodyLength];
        buf.get(bodyLengthPos + 4, body);
        int topicPos = bodyLengthPos + 4 + bodyLength;
        int topicLength = magic == MAGIC_V2 ? buf.getShort(topicPos) & 0xFFFF : buf.get(topicPos) & 0xFF;
        int topicStart = topicPos + (magic == MAGIC_V2 ? 2 : 1);
        int propertiesPos = topicStart + topicLength;
        return new StoredMessage(buf.getInt(p), magic, buf.getInt(p + 8), buf.getInt(p + 12), buf.getInt(p + 16),
                buf.getLong(p + QUEUE_OFFSET_POSITION), buf.getLong(p + PHYSICAL_OFFSET_POSITION), sysFlag,
                buf.getLong(p + 40), readHost(buf, p + BORN_HOST_POSITION, bornV6), buf.getLong(storeTsPos),
                readHost(buf, storeHostPos, storeV6), buf.getInt(reconsumePos), buf.getLong(reconsumePos + 4), body,
                readString(buf, topicStart, topicLength),
                readString(buf, propertiesPos + 2, userPropertiesLength(buf, propertiesPos)));
    }

    /**
     * Where the topic length of the valid record at {@code position} is stored: one byte in a v1 record, two in a v2
     * one ({@link #MAGIC_V2}), then the topic's UTF-8 bytes, then the properties' two-byte length and their bytes. For
     * readers that scan the bytes instead of decoding strings.
     */
    public static int topicLengthPosition(ByteBuffer buf, int position) {
        int bodyLengthPos = position + bodyLengthPosition(buf.getInt(position + SYS_FLAG_POSITION));
        return bodyLengthPos + 4 + buf.getInt(bodyLengthPos);
    }

    /**
     * The length of the properties whose two-byte length is stored at {@code propertiesPos}, without the record CRC
     * entry the store appends (the part {@link #decodeMeta} returns).
     */
    public static int userPropertiesLength(ByteBuffer buf, int propertiesPos) {
        int stored = buf.getShort(propertiesPos);
        return RecordCrc.userPropertiesLength(buf, propertiesPos + 2 + stored, stored);
    }

    private static InetSocketAddress readHost(ByteBuffer buf, int position, boolean ipv6) {
        byte[] ip = new byte[ipv6 ? 16 : 4];
        buf.get(position, ip);
        int port = buf.getInt(position + ip.length);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("impossible: raw address of " + ip.length + " bytes", e);
        }
    }

    /**
     * The UTF-8 text at {@code position}. From a heap buffer it decodes in place; from a direct (mapped) one it copies
     * through this thread's scratch array, so the only allocation is the String itself.
     */
    private static String readString(ByteBuffer buf, int position, int length) {
        if (length <= 0) {
            return "";
        }
        if (buf.hasArray()) {
            return new String(buf.array(), buf.arrayOffset() + position, length, StandardCharsets.UTF_8);
        }
        byte[] bytes = length <= MAX_SCRATCH_BYTES ? scratch(length) : new byte[length];
        buf.get(position, bytes, 0, length);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static byte[] scratch(int length) {
        byte[] bytes = SCRATCH.get();
        if (bytes.length < length) {
            bytes = new byte[MAX_SCRATCH_BYTES];
            SCRATCH.set(bytes);
        }
        return bytes;
    }
}
