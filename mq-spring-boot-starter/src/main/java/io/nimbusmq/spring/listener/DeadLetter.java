package io.nimbusmq.spring.listener;

import io.nimbusmq.client.ReceivedMessage;

/**
 * A message a listener gave up on (see {@link MqDeadLetterHandler}).
 *
 * @param listenerId the listener's id
 * @param group      its consumer group; the message goes to {@code %DLQ%<group>}
 * @param message    the message as received (its {@code reconsumeTimes} says how often it was tried before)
 * @param cause      the listener's last failure
 * @param reason     why no retry follows
 */
public record DeadLetter(String listenerId, String group, ReceivedMessage message, Throwable cause, Reason reason) {

    public enum Reason {
        /** The failure is not retryable (conversion, validation, or a configured exception type). */
        NOT_RETRYABLE,
        /** The last retry failed too. */
        RETRIES_EXHAUSTED
    }
}
