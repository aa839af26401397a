package io.nimbusmq.client.internal.consumer;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual-thread factories on Java 21+, found by reflection because the client is compiled for Java 17: on Java 17
 * {@link #factory} is empty and consumers keep platform threads.
 */
final class VirtualThreads {

    private VirtualThreads() {
    }

    /** Whether this JVM has virtual threads. */
    static boolean supported() {
        return Runtime.version().feature() >= 21;
    }

    /** A factory of virtual threads named {@code <prefix>-1}, {@code <prefix>-2}, ...; empty before Java 21. */
    static Optional<ThreadFactory> factory(String prefix) {
        if (!supported()) {
            return Optional.empty();
        }
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Method name = builderType.getMethod("name", String.class, long.class);
            builder = name.invoke(builder, prefix + "-", 1L);
            return Optional.of((ThreadFactory) builderType.getMethod("factory").invoke(builder));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
