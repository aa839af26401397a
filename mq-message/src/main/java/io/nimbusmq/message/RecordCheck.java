package io.nimbusmq.message;

/**
 * What {@link MessageCodec#check} found at a position of a commit log segment.
 *
 * @param kind the kind of bytes found
 * @param sizeBytes bytes taken by the record (a message or the blank filler); 0 for {@code END} and {@code CORRUPT}
 * @param reason why the bytes are corrupt; {@code null} otherwise
 */
public record RecordCheck(Kind kind, int sizeBytes, String reason) {

    public enum Kind {
        /** A complete message whose size, magic, physical offset, body CRC and record CRC (if any) are valid. */
        MESSAGE,
        /** The filler that closes a segment whose remaining space could not take the next message. */
        BLANK,
        /** Zero bytes: nothing was ever written here. */
        END,
        /** Bytes that are not a valid record: a torn or damaged write. */
        CORRUPT
    }

    static RecordCheck message(int size) {
        return new RecordCheck(Kind.MESSAGE, size, null);
    }

    static RecordCheck blank(int size) {
        return new RecordCheck(Kind.BLANK, size, null);
    }

    static RecordCheck end() {
        return new RecordCheck(Kind.END, 0, null);
    }

    static RecordCheck corrupt(String reason) {
        return new RecordCheck(Kind.CORRUPT, 0, reason);
    }
}
