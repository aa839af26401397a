package io.nimbusmq.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum of a whole record, stored as RocketMQ's optional CRC property in the last 20 bytes of the properties:
 *
 * <pre>
 * | "__CRC32#" 8 | \u0001 1 | 10 ASCII digits, least significant first, '0'-padded | \u0002 1 |
 * </pre>
 *
 * The value is {@code CRC32 & 0x7FFFFFFF} of every record byte before the entry, computed once the append fields
 * (queue offset, physical offset, store timestamp) are patched in, as RocketMQ does with {@code enabledAppendPropCRC}.
 *
 * <p>The commit log always writes it: the caller's properties get {@link #RESERVED_ENTRY} appended before encoding
 * and the record is {@link #seal sealed} after patching. BODYCRC covers only the body; this entry is what lets
 * recovery detect a torn or damaged header, topic or property string, so that no damaged record is ever served.
 */
public final class RecordCrc {

    /** The property name, as in RocketMQ's {@code MessageConst.PROPERTY_CRC32}. */
    public static final String PROPERTY = "__CRC32#";
    /** The entry with a zero value, to append to a property string before encoding. */
    public static final String RESERVED_ENTRY = PROPERTY + MessageProperties.NAME_VALUE_SEPARATOR + "0000000000"
            + MessageProperties.PROPERTY_SEPARATOR;
    /** Bytes the entry adds to a record's properties. */
    public static final int ENTRY_BYTES = RESERVED_ENTRY.length();
    private static final byte[] PREFIX =
            (PROPERTY + MessageProperties.NAME_VALUE_SEPARATOR).getBytes(StandardCharsets.US_ASCII);
    private static final int DIGITS = 10;

    private RecordCrc() {
    }

    /**
     * Computes the checksum of the record at {@code position} and writes it into the record's reserved entry. The
     * record must not change afterwards.
     *
     * @throws IllegalStateException if the record's properties do not end with a reserved entry
     */
    public static void seal(ByteBuffer buf, int position) {
        int size = buf.getInt(position);
        int propertiesEnd = position + size;
        if (!hasEntry(buf, propertiesEnd, ENTRY_BYTES)) {
            throw new IllegalStateException("record at " + position + " has no reserved CRC entry");
        }
        int value = compute(buf, position, size);
        int firstDigit = propertiesEnd - 1 - DIGITS;
        for (int i = 0; i < DIGITS; i++) {
            buf.put(firstDigit + i, (byte) ('0' + value % 10));
            value /= 10;
        }
    }

    /**
     * Returns null if the record's entry matches its bytes (or it has none and none is {@code required}), or why not.
     */
    static String verify(ByteBuffer buf, int position, int size, int propertiesLength, boolean required) {
        if (!hasEntry(buf, position + size, propertiesLength)) {
            return required ? "record has no CRC property" : null;
        }
        long stored = 0;
        int firstDigit = position + size - 1 - DIGITS;
        for (int i = DIGITS - 1; i >= 0; i--) {
            int digit = buf.get(firstDigit + i) - '0';
            if (digit < 0 || digit > 9) {
                return "CRC property holds a non-digit";
            }
            stored = stored * 10 + digit;
        }
        return stored == compute(buf, position, size) ? null : "record CRC mismatch";
    }

    /** The caller's share of a property string that ends at {@code propertiesEnd}: without the entry, if present. */
    static int userPropertiesLength(ByteBuffer buf, int propertiesEnd, int propertiesLength) {
        return hasEntry(buf, propertiesEnd, propertiesLength) ? propertiesLength - ENTRY_BYTES : propertiesLength;
    }

    private static boolean hasEntry(ByteBuffer buf, int propertiesEnd, int propertiesLength) {
        if (propertiesLength < ENTRY_BYTES) {
            return false;
        }
        int start = propertiesEnd - ENTRY_BYTES;
        for (int i = 0; i < PREFIX.length; i++) {
            if (buf.get(start + i) != PREFIX[i]) {
                return false;
            }
        }
        return buf.get(propertiesEnd - 1) == MessageProperties.PROPERTY_SEPARATOR;
    }

    private static int compute(ByteBuffer buf, int position, int size) {
        CRC32 crc = new CRC32();
        crc.update(buf.slice(position, size - ENTRY_BYTES));
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }
}
