package io.nimbusmq.remoting.protocol;

/** A required custom-header field is absent from a request's extFields. */
public class MissingHeaderFieldException extends HeaderFieldException {

    private static final long serialVersionUID = 1L;

    public MissingHeaderFieldException(int requestCode, String fieldName) {
        super(fieldName, "the custom header field '" + fieldName + "' is required by request code " + requestCode
                + " but is missing", null);
    }
}
