package io.nimbusmq.store;

import io.nimbusmq.store.commitlog.AppendResult;

/**
 * The outcome of a put.
 *
 * @param append where the message landed; null when it was not stored
 * @param remark a readable reason when the put failed; null on success
 */
public record PutMessageResult(PutMessageStatus status, AppendResult append, String remark) {

    public static PutMessageResult rejected(PutMessageStatus status, String remark) {
        return new PutMessageResult(status, null, remark);
    }

    public boolean isOk() {
        return status == PutMessageStatus.PUT_OK;
    }
}
