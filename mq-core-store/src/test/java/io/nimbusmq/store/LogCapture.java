package io.nimbusmq.store;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Collects the WARN and ERROR lines the store logs while a test runs. */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** WARN and ERROR events so far. */
    public List<ILoggingEvent> problems() {
        synchronized (appender.list) {
            return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        }
    }

    /** How often each message pattern was logged at WARN or above. */
    public Map<String, Long> problemCountsByPattern() {
        return problems().stream().collect(Collectors.groupingBy(ILoggingEvent::getMessage, Collectors.counting()));
    }

    public List<String> formatted(Function<ILoggingEvent, String> format) {
        return problems().stream().map(format).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
