package io.nimbusmq.client.internal.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NameServerSelectorTests {

    @Test
    void keepsTheCurrentServerUntilItFailsThenGoesRoundRobin() {
        NameServerSelector selector = new NameServerSelector(List.of("a:1", "b:2", "c:3"));
        String first = selector.current();
        assertThat(selector.current()).isEqualTo(first);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String current = selector.current();
            seen.add(current);
            selector.failed(current);
        }
        assertThat(seen).containsExactlyInAnyOrder("a:1", "b:2", "c:3");
        assertThat(selector.current()).isEqualTo(first);
    }

    @Test
    void aStaleFailureReportDoesNotSkipAServer() {
        NameServerSelector selector = new NameServerSelector(List.of("a:1", "b:2"));
        String first = selector.current();
        selector.failed(first);
        String second = selector.current();
        selector.failed(first);
        assertThat(selector.current()).isEqualTo(second);
    }

    @Test
    void theFirstPickIsRandom() {
        Set<String> firsts = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            firsts.add(new NameServerSelector(List.of("a:1", "b:2", "c:3")).current());
        }
        assertThat(firsts).hasSizeGreaterThan(1);
    }
}
