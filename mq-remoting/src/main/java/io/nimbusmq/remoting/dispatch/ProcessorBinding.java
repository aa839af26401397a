package io.nimbusmq.remoting.dispatch;

import java.util.Objects;
import java.util.concurrent.ExecutorService;

/** A processor and the executor its requests run on. */
public record ProcessorBinding(RequestProcessor processor, ExecutorService executor) {

    public ProcessorBinding {
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(executor, "executor");
    }
}
