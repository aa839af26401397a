package io.nimbusmq.remoting.protocol;

/**
 * A custom-header field ({@code extFields} entry) a processor needs is missing or unusable.
 *
 * <p>The request dispatcher answers these with {@link ResponseCode#SYSTEM_ERROR} and the exception message as the
 * remark, as the official broker does when its header decoder throws.
 */
public abstract class HeaderFieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String fieldName;

    protected HeaderFieldException(String fieldName, String message, Throwable cause) {
        super(message, cause);
        this.fieldName = fieldName;
    }

    /** The extFields key at fault. */
    public String fieldName() {
        return fieldName;
    }
}
