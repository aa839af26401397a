package io.nimbusmq.spring.listener;

/**
 * Told about every message a listener gives up on, as it goes to its group's dead-letter topic
 * ({@code %DLQ%<group>}): because the failure is not retryable (a payload that cannot be converted, a validation
 * failure, the exceptions of {@code mq.listener.not-retryable-exceptions}), or because its retries ran out. Every
 * bean of this type is called, in order; an exception it throws is logged and does not stop the dead-lettering.
 *
 * <pre>{@code
 * @Bean MqDeadLetterHandler alertOnDeadLetters(Alerts alerts) {
 *     return deadLetter -> alerts.raise(deadLetter.listenerId(), deadLetter.message().msgId(), deadLetter.cause());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface MqDeadLetterHandler {

    void onDeadLetter(DeadLetter deadLetter);
}
