package io.nimbusmq.broker.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressPatternTests {

    @Test
    void blankMatchesNothingAndWildcardsMatchEverything() {
        assertThat(AddressPattern.parse("").matches("127.0.0.1")).isFalse();
        assertThat(AddressPattern.parse(null).matches("127.0.0.1")).isFalse();
        for (String any : new String[] {"*", "*.*.*.*", "*:*:*:*:*:*:*:*"}) {
            assertThat(AddressPattern.parse(any).matches("10.1.2.3")).as(any).isTrue();
            assertThat(AddressPattern.parse(any).matches("::1")).as(any).isTrue();
        }
    }

    @Test
    void exactAddressesListsAndBraces() {
        assertThat(AddressPattern.parse("192.168.0.1").matches("192.168.0.1")).isTrue();
        assertThat(AddressPattern.parse("192.168.0.1").matches("192.168.0.10")).isFalse();
        AddressPattern list = AddressPattern.parse("192.168.0.1, 192.168.0.2");
        assertThat(list.matches("192.168.0.2")).isTrue();
        assertThat(list.matches("192.168.0.3")).isFalse();
        AddressPattern braces = AddressPattern.parse("192.168.1.{1,2,3}");
        assertThat(braces.matches("192.168.1.3")).isTrue();
        assertThat(braces.matches("192.168.1.4")).isFalse();
        assertThat(AddressPattern.parse("::1").matches("0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void ipv4RangesPerPart() {
        AddressPattern subnet = AddressPattern.parse("10.10.103.*");
        assertThat(subnet.matches("10.10.103.200")).isTrue();
        assertThat(subnet.matches("10.10.104.1")).isFalse();
        AddressPattern range = AddressPattern.parse("192.168.1.10-20");
        assertThat(range.matches("192.168.1.10")).isTrue();
        assertThat(range.matches("192.168.1.20")).isTrue();
        assertThat(range.matches("192.168.1.21")).isFalse();
        assertThat(AddressPattern.parse("10.1-3.*.*").matches("10.2.200.7")).isTrue();
        assertThat(AddressPattern.parse("10.1-3.*.*").matches("::1")).isFalse();
    }

    @Test
    void malformedPatternsAreRefusedWithTheirText() {
        for (String bad : new String[] {"192.168.*", "192.168.1.300", "192.168.1.20-10", "host.example",
                "1:2::*", "192.168.{1,2}.1"}) {
            assertThatThrownBy(() -> AddressPattern.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
    }

    @Test
    void aclTwoSourceAddressesAreSingleAddressesOrCidrBlocks() {
        AddressPattern block = AddressPattern.parseIpOrCidr("10.1.0.0/16");
        assertThat(block.matches("10.1.255.7")).isTrue();
        assertThat(block.matches("10.2.0.1")).isFalse();
        assertThat(block.matches("::1")).isFalse();
        assertThat(AddressPattern.parseIpOrCidr("192.168.7.9/32").matches("192.168.7.9")).isTrue();
        assertThat(AddressPattern.parseIpOrCidr("0.0.0.0/0").matches("8.8.8.8")).isTrue();
        assertThat(AddressPattern.parseIpOrCidr("fd00::/8").matches("fd12::1")).isTrue();
        assertThat(AddressPattern.parseIpOrCidr("fd00::/8").matches("fe80::1")).isFalse();
        assertThat(AddressPattern.parseIpOrCidr("127.0.0.1").matches("127.0.0.1")).isTrue();
        assertThat(AddressPattern.parseIpOrCidr("127.0.0.1").matches("127.0.0.2")).isFalse();
        assertThat(AddressPattern.parseIpOrCidr("10.1.0.0/16").toString()).isEqualTo("10.1.0.0/16");
    }

    @Test
    void aclTwoSourceAddressesRefuseWildcardsAndBadPrefixes() {
        for (String bad : new String[] {"10.1.*.*", "10.1.0.0/33", "10.1.0.0/x", "::/129", "host.example", ""}) {
            assertThatThrownBy(() -> AddressPattern.parseIpOrCidr(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
    }
}
