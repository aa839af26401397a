package io.nimbusmq.spring.listener;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.ConversionException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/**
 * Which listener failures are worth retrying. Not retryable, as spring-kafka's {@code DefaultErrorHandler} has it:
 * a payload that cannot be converted ({@link MessageConversionException}, {@link ConversionException}), an argument
 * that cannot be resolved or fails validation ({@link MethodArgumentResolutionException}, which covers
 * {@code MethodArgumentNotValidException} and {@code MethodArgumentTypeMismatchException}), a
 * {@link ClassCastException}, a {@link DeadLetterNowException} (the listener's own call), and the types an application adds ({@code mq.listener.not-retryable-exceptions}). A
 * failure is not retryable when it, or any of its causes, is one of them: retrying would fail the same way 16 times.
 */
public final class ExceptionClassifier {

    /** The types not retried by default. */
    public static final List<Class<? extends Throwable>> DEFAULT_NOT_RETRYABLE = List.of(
            MessageConversionException.class, ConversionException.class, MethodArgumentResolutionException.class,
            ClassCastException.class, DeadLetterNowException.class);

    private final List<Class<? extends Throwable>> notRetryable;

    /** @param additional types not retried besides {@link #DEFAULT_NOT_RETRYABLE} */
    public ExceptionClassifier(Collection<Class<? extends Throwable>> additional) {
        List<Class<? extends Throwable>> all = new ArrayList<>(DEFAULT_NOT_RETRYABLE);
        all.addAll(additional);
        this.notRetryable = List.copyOf(all);
    }

    public boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : notRetryable) {
                if (type.isInstance(t)) {
                    return false;
                }
            }
        }
        return true;
    }
}
