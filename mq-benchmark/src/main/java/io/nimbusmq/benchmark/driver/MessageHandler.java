package io.nimbusmq.benchmark.driver;

/** Receives the bodies of consumed messages, on the consumer's threads, concurrently. */
@FunctionalInterface
public interface MessageHandler {

    void onMessage(byte[] body);
}
