package io.nimbusmq.broker.console.data;

import java.util.NoSuchElementException;

import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.ResponseCode;

/** Turns a refusal of an admin request into the console's exceptions, with the broker's reason. */
final class AdminAnswers {

    private AdminAnswers() {
    }

    /**
     * @param action what was tried, e.g. {@code "delete the topic orders"}
     * @throws NoSuchElementException when the broker says what was named does not exist
     * @throws IllegalStateException for any other refusal
     */
    static RemotingCommand check(RemotingCommand response, String action) {
        String reason = response.remark() == null || response.remark().isBlank() ? "no reason given"
                : response.remark().trim();
        return switch (response.code()) {
            case ResponseCode.SUCCESS -> response;
            case ResponseCode.TOPIC_NOT_EXIST, ResponseCode.QUERY_NOT_FOUND ->
                    throw new NoSuchElementException("Could not " + action + ": " + reason);
            default -> throw new IllegalStateException("The broker refused to " + action + ": " + reason);
        };
    }
}
