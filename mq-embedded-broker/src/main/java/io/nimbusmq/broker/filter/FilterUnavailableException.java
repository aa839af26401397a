package io.nimbusmq.broker.filter;

/**
 * A subscription the broker cannot filter by: its expression does not compile, its type is unknown, or it is SQL92
 * while the property filter is off ({@link #unsupported()}).
 */
public final class FilterUnavailableException extends RuntimeException {

    private final boolean unsupported;

    FilterUnavailableException(boolean unsupported, String message) {
        super(message, null, false, false);
        this.unsupported = unsupported;
    }

    /** Whether the broker refuses the expression type as a whole (SQL92 with the property filter off). */
    public boolean unsupported() {
        return unsupported;
    }
}
