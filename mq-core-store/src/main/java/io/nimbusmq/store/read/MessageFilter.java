package io.nimbusmq.store.read;

import java.nio.ByteBuffer;

/**
 * Selects messages while reading a queue: first cheaply by the consume queue's tag hash, then, for candidates, by
 * the stored message itself (exact tag check, SQL92).
 */
public interface MessageFilter {

    /** Accepts everything. */
    MessageFilter ALL = tagsCode -> true;

    boolean matchesTagsCode(long tagsCode);

    /** The exact check on a candidate's stored bytes (positioned at 0); accepts by default. */
    default boolean matchesMessage(ByteBuffer storedMessage) {
        return true;
    }
}
