package io.nimbusmq.remoting.protocol;

/** A custom-header field is present but cannot be parsed as the type its request needs. */
public class InvalidHeaderFieldException extends HeaderFieldException {

    private static final long serialVersionUID = 1L;

    private final String value;

    public InvalidHeaderFieldException(int requestCode, String fieldName, String value, String expectedType,
                                       Throwable cause) {
        super(fieldName, "the custom header field '" + fieldName + "' of request code " + requestCode
                + " is not a valid " + expectedType + ": '" + value + "'", cause);
        this.value = value;
    }

    /** The raw value as received. */
    public String value() {
        return value;
    }
}
