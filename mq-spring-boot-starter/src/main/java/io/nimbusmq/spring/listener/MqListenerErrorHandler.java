package io.nimbusmq.spring.listener;

import org.springframework.messaging.Message;

/**
 * Handles a listener's failure before the starter decides between retry and dead-letter, like spring-kafka's
 * {@code KafkaListenerErrorHandler}: name the bean in {@code @MessageListener(errorHandler = "...")}.
 *
 * <pre>{@code
 * @Bean MqListenerErrorHandler orderErrors() {
 *     return (message, failure) -> {
 *         if (failure.getCause() instanceof DuplicateOrderException) {
 *             return null;                  // consumed: no retry, no dead letter
 *         }
 *         throw failure;                    // the usual handling: retry, or dead-letter if not retryable
 *     };
 * }
 * }</pre>
 */
@FunctionalInterface
public interface MqListenerErrorHandler {

    /**
     * @param message the message the listener failed on (for a batch listener: a {@code List} of messages), with the
     *                {@code mq_*} headers
     * @param failure what the listener (or the conversion of its arguments) threw, as the cause
     * @return a value to count the message as consumed; for a request-reply listener it is sent as the reply
     *         ({@code null}: consumed, no reply)
     * @throws Exception to let the starter handle the failure (an exception other than {@code failure} is
     *                   classified in its place)
     */
    Object handleError(Message<?> message, ListenerExecutionFailedException failure) throws Exception;
}
