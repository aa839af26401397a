package io.nimbusmq.benchmark.driver;

/** A started push consumer of a {@link ClientDriver}. */
public interface DriverConsumer extends AutoCloseable {

    /** Stops consuming and releases the consumer's connections. */
    @Override
    void close();
}
