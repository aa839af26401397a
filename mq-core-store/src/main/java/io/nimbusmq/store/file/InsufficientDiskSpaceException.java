package io.nimbusmq.store.file;

import java.io.IOException;

/** A new segment could not be created because the disk lacks the space for it. Nothing was written. */
public final class InsufficientDiskSpaceException extends IOException {

    public InsufficientDiskSpaceException(String message) {
        super(message);
    }

    public InsufficientDiskSpaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
