package io.nimbusmq.broker.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A remote-address pattern of {@code plain_acl.yml} ({@code globalWhiteRemoteAddresses}, {@code whiteRemoteAddress}),
 * with RocketMQ's forms:
 * <ul>
 *   <li>blank: matches nothing;</li>
 *   <li>{@code *}, {@code *.*.*.*} or {@code *:*:*:*:*:*:*:*}: matches every address;</li>
 *   <li>one address, IPv4 or IPv6: {@code 192.168.0.1}, {@code ::1};</li>
 *   <li>a comma-separated list of addresses: {@code 192.168.0.1,192.168.0.2};</li>
 *   <li>choices in the last IPv4 part: {@code 192.168.0.{1,2,3}};</li>
 *   <li>IPv4 with {@code *} or {@code a-b} parts: {@code 192.168.*.*}, {@code 192.168.1.10-20}, {@code 10.1-3.*.*}.</li>
 * </ul>
 * IPv6 ranges are not supported and refused when the file is read. ACL 2.0 policies name their source addresses
 * differently, as one address or a CIDR block each ({@link #parseIpOrCidr}). Matching never resolves names.
 */
public abstract sealed class AddressPattern {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final String text;

    private AddressPattern(String text) {
        this.text = text;
    }

    /** Whether {@code ip} (a literal address, as {@link InetAddress#getHostAddress()} gives it) matches. */
    public abstract boolean matches(String ip);

    @Override
    public String toString() {
        return text;
    }

    /**
     * Parses one pattern.
     *
     * @throws IllegalArgumentException naming the pattern when it has none of the forms above
     */
    public static AddressPattern parse(String pattern) {
        String text = pattern == null ? "" : pattern.trim();
        if (text.isEmpty()) {
            return new Exact(text, Set.of());
        }
        if (text.equals("*") || text.equals("*.*.*.*") || text.equals("*:*:*:*:*:*:*:*")) {
            return new Any(text);
        }
        if (text.endsWith("}")) {
            int open = text.indexOf('{');
            if (open < 0 || text.indexOf(':') >= 0 || !text.substring(0, open).endsWith(".")) {
                throw invalid(text, "choices in braces are allowed only in the last part of an IPv4 address");
            }
            String prefix = text.substring(0, open);
            return new Exact(text, Arrays.stream(text.substring(open + 1, text.length() - 1).split(","))
                    .map(choice -> canonical(prefix + choice.trim(), text)).collect(Collectors.toSet()));
        }
        if (text.indexOf(',') >= 0) {
            return new Exact(text, Arrays.stream(text.split(",")).map(a -> canonical(a.trim(), text))
                    .collect(Collectors.toSet()));
        }
        if (text.indexOf('*') >= 0 || text.indexOf('-') >= 0) {
            return Ranges.of(text);
        }
        return new Exact(text, Set.of(canonical(text, text)));
    }

    /**
     * Parses an ACL 2.0 source address: one IPv4 or IPv6 address ({@code 10.1.2.3}, {@code ::1}) or a CIDR block
     * ({@code 10.0.0.0/8}, {@code fd00::/8}), as RocketMQ 5.3 accepts them.
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static AddressPattern parseIpOrCidr(String text) {
        String trimmed = text == null ? "" : text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            return new Exact(trimmed, Set.of(canonical(trimmed, trimmed)));
        }
        return Cidr.of(trimmed, slash);
    }

    /** The address in one normal form, so that {@code ::1} and {@code 0:0:0:0:0:0:0:1} compare equal. */
    static String canonical(String address, String pattern) {
        if (IPV4.matcher(address).matches()) {
            for (String part : address.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw invalid(pattern, "'" + address + "' is not an IPv4 address");
                }
            }
            return address;
        }
        if (address.indexOf(':') >= 0 && address.matches("[0-9A-Fa-f:.]+")) {
            try {
                return InetAddress.getByName(address).getHostAddress();
            } catch (UnknownHostException e) {
                throw invalid(pattern, "'" + address + "' is not an IPv6 address");
            }
        }
        throw invalid(pattern, "'" + address + "' is not an IP address");
    }

    private static IllegalArgumentException invalid(String pattern, String reason) {
        return new IllegalArgumentException("invalid remote address pattern '" + pattern + "': " + reason);
    }

    private static final class Any extends AddressPattern {
        Any(String text) {
            super(text);
        }

        @Override
        public boolean matches(String ip) {
            return true;
        }
    }

    private static final class Exact extends AddressPattern {
        private final Set<String> addresses;

        Exact(String text, Set<String> addresses) {
            super(text);
            this.addresses = Set.copyOf(addresses);
        }

        @Override
        public boolean matches(String ip) {
            if (addresses.isEmpty() || ip == null) {
                return false;
            }
            if (addresses.contains(ip)) {
                return true;
            }
            try {
                return addresses.contains(canonical(ip, ip));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** Four IPv4 parts, each a number, {@code *} or {@code a-b}. */
    private static final class Ranges extends AddressPattern {
        private final List<int[]> parts;

        private Ranges(String text, List<int[]> parts) {
            super(text);
            this.parts = parts;
        }

        static Ranges of(String text) {
            if (text.indexOf(':') >= 0) {
                throw invalid(text, "IPv6 ranges are not supported; list the addresses instead");
            }
            String[] items = text.split("\\.", -1);
            if (items.length != 4) {
                throw invalid(text, "an IPv4 pattern has four parts, e.g. 192.168.*.* or 192.168.1.10-20");
            }
            return new Ranges(text, Arrays.stream(items).map(item -> range(item.trim(), text)).toList());
        }

        private static int[] range(String item, String text) {
            try {
                if (item.equals("*")) {
                    return new int[] {0, 255};
                }
                int dash = item.indexOf('-');
                int low = Integer.parseInt(dash < 0 ? item : item.substring(0, dash));
                int high = dash < 0 ? low : Integer.parseInt(item.substring(dash + 1));
                if (low < 0 || high > 255 || low > high) {
                    throw invalid(text, "'" + item + "' is not a range within 0-255");
                }
                return new int[] {low, high};
            } catch (NumberFormatException e) {
                throw invalid(text, "'" + item + "' is neither a number, '*' nor 'a-b'");
            }
        }

        @Override
        public boolean matches(String ip) {
            if (ip == null || !IPV4.matcher(ip).matches()) {
                return false;
            }
            String[] items = ip.split("\\.");
            for (int i = 0; i < 4; i++) {
                int value = Integer.parseInt(items[i]);
                if (value < parts.get(i)[0] || value > parts.get(i)[1]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A CIDR block: the addresses whose first {@code prefixBits} bits equal the network's. */
    private static final class Cidr extends AddressPattern {
        private final byte[] network;
        private final int prefixBits;

        private Cidr(String text, byte[] network, int prefixBits) {
            super(text);
            this.network = network;
            this.prefixBits = prefixBits;
        }

        static Cidr of(String text, int slash) {
            byte[] network = literal(canonical(text.substring(0, slash), text));
            int prefixBits;
            try {
                prefixBits = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid(text, "the prefix length is not a number");
            }
            if (prefixBits < 0 || prefixBits > network.length * 8) {
                throw invalid(text, "the prefix length must be within 0-" + network.length * 8);
            }
            return new Cidr(text, network, prefixBits);
        }

        @Override
        public boolean matches(String ip) {
            if (ip == null) {
                return false;
            }
            byte[] address;
            try {
                address = literal(canonical(ip, ip));
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** The bytes of a canonical literal address (never a name lookup: the text is an address already). */
        private static byte[] literal(String canonicalAddress) {
            try {
                return InetAddress.getByName(canonicalAddress).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
