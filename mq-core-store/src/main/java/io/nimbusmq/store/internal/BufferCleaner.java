package io.nimbusmq.store.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unmaps a memory-mapped buffer at once instead of waiting for the garbage collector.
 *
 * <p>Uses {@code sun.misc.Unsafe.invokeCleaner}, which the {@code jdk.unsupported} module exports. If it is not
 * available the buffer is left to the collector, which is safe but keeps the mapping alive longer.
 */
public final class BufferCleaner {

    private static final Logger log = LoggerFactory.getLogger(BufferCleaner.class);
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method method = null;
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            method = unsafeClass.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot unmap buffers eagerly; mapped files are released by the garbage collector", e);
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = method;
    }

    private BufferCleaner() {
    }

    /** Whether buffers can be unmapped at once; without it an unmapped buffer lingers until garbage collection. */
    public static boolean isAvailable() {
        return INVOKE_CLEANER != null;
    }

    public static void clean(ByteBuffer buffer) {
        if (buffer == null || !buffer.isDirect() || INVOKE_CLEANER == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Failed to unmap a buffer", e);
        }
    }
}
