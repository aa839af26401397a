package io.nimbusmq.spring.listener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nimbusmq.client.ReceivedMessage;

/**
 * The interceptors of one container factory, run for one listener: {@code before} in order, the others in reverse
 * order; exceptions from anything but {@code before} are logged and swallowed.
 */
record ListenerInterceptors(List<MqMessageInterceptor> single, List<MqBatchInterceptor> batch) {

    private static final Logger log = LoggerFactory.getLogger(ListenerInterceptors.class);

    static final ListenerInterceptors NONE = new ListenerInterceptors(List.of(), List.of());

    ListenerInterceptors {
        single = List.copyOf(single);
        batch = List.copyOf(batch);
    }

    ListenerInterceptors plus(MqMessageInterceptor interceptor) {
        return new ListenerInterceptors(concat(single, interceptor), batch);
    }

    ListenerInterceptors plus(MqBatchInterceptor interceptor) {
        return new ListenerInterceptors(single, concat(batch, interceptor));
    }

    /** Whether the listener is to be called; throws what a {@code before} threw. */
    boolean before(List<ReceivedMessage> messages, MessageListenerEndpoint listener) {
        if (listener.batch()) {
            for (MqBatchInterceptor interceptor : batch) {
                if (!interceptor.before(messages, listener)) {
                    return false;
                }
            }
        } else {
            for (MqMessageInterceptor interceptor : single) {
                if (!interceptor.before(messages.get(0), listener)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @param failure null after a success */
    void after(List<ReceivedMessage> messages, MessageListenerEndpoint listener, Throwable failure) {
        if (listener.batch()) {
            for (MqBatchInterceptor interceptor : reversed(batch)) {
                quietly(interceptor, listener, () -> {
                    if (failure == null) {
                        interceptor.success(messages, listener);
                    } else {
                        interceptor.failure(messages, listener, failure);
                    }
                });
            }
        } else {
            for (MqMessageInterceptor interceptor : reversed(single)) {
                quietly(interceptor, listener, () -> {
                    if (failure == null) {
                        interceptor.success(messages.get(0), listener);
                    } else {
                        interceptor.failure(messages.get(0), listener, failure);
                    }
                });
            }
        }
    }

    void afterCompletion(List<ReceivedMessage> messages, MessageListenerEndpoint listener) {
        if (listener.batch()) {
            reversed(batch).forEach(interceptor -> quietly(interceptor, listener,
                    () -> interceptor.afterCompletion(messages, listener)));
        } else {
            reversed(single).forEach(interceptor -> quietly(interceptor, listener,
                    () -> interceptor.afterCompletion(messages.get(0), listener)));
        }
    }

    private static void quietly(Object interceptor, MessageListenerEndpoint listener, Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            log.warn("Interceptor {} of listener {} failed; ignored", interceptor, listener.id(), e);
        }
    }

    private static <T> List<T> concat(List<T> list, T element) {
        List<T> all = new ArrayList<>(list);
        all.add(element);
        return all;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
