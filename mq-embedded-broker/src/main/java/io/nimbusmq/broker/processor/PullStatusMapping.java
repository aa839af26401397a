package io.nimbusmq.broker.processor;

import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.store.read.GetMessageResult;

/** Maps a store read's status to RocketMQ's pull response code and next offset. */
final class PullStatusMapping {

    record Mapped(int responseCode, long nextBeginOffset) {
    }

    private PullStatusMapping() {
    }

    static Mapped map(GetMessageResult result, long requestOffset) {
        return switch (result.status()) {
            case FOUND -> new Mapped(ResponseCode.SUCCESS, result.nextBeginOffset());
            case NO_MATCHED_MESSAGE, MESSAGE_WAS_REMOVING ->
                    new Mapped(ResponseCode.PULL_RETRY_IMMEDIATELY, result.nextBeginOffset());
            case OFFSET_OVERFLOW_ONE, OFFSET_FOUND_NULL -> new Mapped(ResponseCode.PULL_NOT_FOUND, requestOffset);
            case NO_MESSAGE_IN_QUEUE, NO_MATCHED_LOGIC_QUEUE -> requestOffset == 0
                    ? new Mapped(ResponseCode.PULL_NOT_FOUND, 0)
                    : new Mapped(ResponseCode.PULL_OFFSET_MOVED, 0);
            case OFFSET_TOO_SMALL, OFFSET_OVERFLOW_BADLY ->
                    new Mapped(ResponseCode.PULL_OFFSET_MOVED, result.nextBeginOffset());
        };
    }
}
