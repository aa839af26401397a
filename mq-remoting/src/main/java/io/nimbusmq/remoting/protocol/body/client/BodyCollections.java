package io.nimbusmq.remoting.protocol.body.client;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Defensive copies for body records: {@code null} (a field missing from the JSON) becomes empty, iteration order is
 * kept so that what a test builds is what it reads back, and a {@code null} element (a peer's {@code [null]}) is
 * refused with an {@link IllegalArgumentException}, which reading the body reports as an invalid body.
 */
final class BodyCollections {

    private BodyCollections() {
    }

    static <T> Set<T> copyOfSet(Collection<? extends T> values) {
        return values == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(withoutNulls(values)));
    }

    static <T> List<T> copyOfList(Collection<? extends T> values) {
        return values == null ? List.of() : List.copyOf(withoutNulls(values));
    }

    private static <C extends Collection<?>> C withoutNulls(C values) {
        for (Object value : values) {
            if (value == null) {
                throw new IllegalArgumentException("a list or set holds null");
            }
        }
        return values;
    }

    /** A key-sorted copy, so that the JSON is the same whatever map the caller used. */
    static <V> Map<String, V> copyOfSortedMap(Map<String, ? extends V> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
