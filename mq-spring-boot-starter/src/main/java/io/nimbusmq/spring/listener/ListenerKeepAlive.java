package io.nimbusmq.spring.listener;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A non-daemon thread that lives while listeners run. The client's threads are daemons, so without it an application
 * with listeners and no web server would exit right after start-up; like spring-kafka's non-daemon container threads,
 * it keeps the JVM up until the listeners stop (the context closes, e.g. on SIGTERM).
 */
final class ListenerKeepAlive {

    static final String THREAD_NAME_PREFIX = "mq-listener-keep-alive-";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Thread thread;
    private CountDownLatch stopped;

    synchronized void start() {
        if (thread != null) {
            return;
        }
        CountDownLatch latch = new CountDownLatch(1);
        Thread keepAlive = new Thread(() -> {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, THREAD_NAME_PREFIX + SEQUENCE.incrementAndGet());
        keepAlive.setDaemon(false);
        keepAlive.start();
        this.stopped = latch;
        this.thread = keepAlive;
    }

    synchronized void stop() {
        if (thread != null) {
            stopped.countDown();
            thread = null;
            stopped = null;
        }
    }

    synchronized boolean isRunning() {
        return thread != null;
    }
}
