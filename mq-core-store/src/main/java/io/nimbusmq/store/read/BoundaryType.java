package io.nimbusmq.store.read;

/** Which entry a timestamp search returns when several messages share the time. */
public enum BoundaryType {
    /** The first entry stored at or after the time. */
    LOWER,
    /** The last entry stored at or before the time. */
    UPPER
}
