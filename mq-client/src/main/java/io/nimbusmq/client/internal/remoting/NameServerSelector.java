package io.nimbusmq.client.internal.remoting;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which name server to ask: a random one first (so that many clients spread over the list), then the same one while it
 * answers, and the next one round-robin after a failure, as the official client does.
 */
public final class NameServerSelector {

    private final List<String> addresses;
    private final AtomicInteger index;

    public NameServerSelector(List<String> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no name server address");
        }
        this.addresses = List.copyOf(addresses);
        this.index = new AtomicInteger(ThreadLocalRandom.current().nextInt(addresses.size()));
    }

    /** The name server in use. */
    public String current() {
        return addresses.get(Math.floorMod(index.get(), addresses.size()));
    }

    /** Moves on from {@code failed} to the next address, unless another thread already did. */
    public void failed(String failed) {
        int seen = index.get();
        if (addresses.get(Math.floorMod(seen, addresses.size())).equals(failed)) {
            index.compareAndSet(seen, seen + 1);
        }
    }

    public int size() {
        return addresses.size();
    }

    public List<String> addresses() {
        return addresses;
    }
}
