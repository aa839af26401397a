package io.nimbusmq.store.commitlog;

import java.nio.ByteBuffer;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.RecordCheck;

/**
 * Finds where valid records start again after damaged bytes in a commit log segment.
 *
 * <p>A candidate is a position whose magic code is a message's (or the blank record's) and whose PHYSICALOFFSET field
 * names that very position; it is taken only if the whole record passes {@link MessageCodec#checkSealed} (body CRC
 * and record CRC). Bytes inside a damaged record cannot pass for a record by accident: they would have to carry their
 * own offset and two matching checksums.
 */
public final class RecordResync {

    private static final byte MESSAGE_MAGIC_FIRST_BYTE = (byte) (MessageCodec.MAGIC_V1 >>> 24);
    private static final byte BLANK_MAGIC_FIRST_BYTE = (byte) (MessageCodec.BLANK_MAGIC >>> 24);

    private RecordResync() {
    }

    /**
     * The first position in [{@code from}, {@code limit}) where a valid record (or the blank record that ends the
     * segment at {@code limit}) starts, or -1.
     *
     * @param view the segment, or a slice of it whose position 0 is at commit log offset {@code viewOffset}
     * @param limit end of the written bytes (the segment end for a full segment)
     * @param maxZeroRun give up after this many consecutive zero bytes: unwritten space, not damage
     */
    public static int nextRecord(ByteBuffer view, int from, int limit, long viewOffset, int maxZeroRun) {
        int zeroRun = 0;
        for (int p = Math.max(0, from); p + MessageCodec.BLANK_RECORD_MIN_BYTES <= limit; p++) {
            if (view.get(p) == 0) {
                if (++zeroRun >= maxZeroRun) {
                    return -1;
                }
            } else {
                zeroRun = 0;
            }
            byte magicStart = view.get(p + 4);
            if (magicStart != MESSAGE_MAGIC_FIRST_BYTE && magicStart != BLANK_MAGIC_FIRST_BYTE) {
                continue;
            }
            RecordCheck check = MessageCodec.checkSealed(view, p, limit, viewOffset + p);
            if (check.kind() == RecordCheck.Kind.MESSAGE || check.kind() == RecordCheck.Kind.BLANK) {
                return p;
            }
        }
        return -1;
    }

    /**
     * How many records were lost in [{@code from}, {@code to}): the message headers still recognisable there (magic
     * code and their own offset), at least 1 if the range holds anything but zeros.
     */
    public static int lostRecords(ByteBuffer view, int from, int to, long viewOffset) {
        int heads = 0;
        boolean allZero = true;
        for (int p = from; p < to; p++) {
            if (view.get(p) != 0) {
                allZero = false;
            }
            if (p + MessageCodec.PHYSICAL_OFFSET_POSITION + 8 <= to && isMessageHead(view, p, viewOffset + p)) {
                heads++;
            }
        }
        return heads > 0 ? heads : allZero ? 0 : 1;
    }

    private static boolean isMessageHead(ByteBuffer view, int p, long offset) {
        int magic = view.getInt(p + 4);
        return (magic == MessageCodec.MAGIC_V1 || magic == MessageCodec.MAGIC_V2)
                && view.getLong(p + MessageCodec.PHYSICAL_OFFSET_POSITION) == offset;
    }
}
