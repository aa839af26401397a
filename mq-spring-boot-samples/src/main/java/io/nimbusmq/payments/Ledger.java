package io.nimbusmq.payments;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What the listeners did, in order (the service's stand-in for its database). */
@Component
public class Ledger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final List<String> entries = new CopyOnWriteArrayList<>();

    public void record(String entry) {
        log.info("ledger: {}", entry);
        entries.add(entry);
    }

    public List<String> entries() {
        return List.copyOf(entries);
    }
}
