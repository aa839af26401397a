package io.nimbusmq.store.commitlog;

import java.io.IOException;

/** The commit log refused an append because the store is not writable (see the reason). Nothing was written. */
public final class StoreNotWritableException extends IOException {

    public StoreNotWritableException(String reason) {
        super(reason);
    }
}
