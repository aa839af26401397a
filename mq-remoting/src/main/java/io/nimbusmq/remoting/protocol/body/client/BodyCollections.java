package io.nimbusmq.remoting.protocol.body.client;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Defensive copies for body records: {@code null} (a field missing from the JSON) becomes empty, and iteration order
 * is kept so that what a test builds is what it reads back.
 */
final class BodyCollections {

    private BodyCollections() {
    }

    static <T> Set<T> copyOfSet(Collection<? extends T> values) {
        return values == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    static <T> List<T> copyOfList(Collection<? extends T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** A key-sorted copy, so that the JSON is the same whatever map the caller used. */
    static <V> Map<String, V> copyOfSortedMap(Map<String, ? extends V> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
