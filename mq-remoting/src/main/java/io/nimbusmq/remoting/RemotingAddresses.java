package io.nimbusmq.remoting;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Conversions between socket addresses and the {@code "host:port"} strings RocketMQ uses everywhere (broker
 * addresses in routes, client addresses in connection lists). IPv6 hosts are written and read in brackets:
 * {@code "[::1]:10911"}.
 */
public final class RemotingAddresses {

    private RemotingAddresses() {
    }

    /** {@code "ip:port"} of a socket address, {@code ""} for {@code null}, its {@code toString()} otherwise. */
    public static String toAddress(SocketAddress address) {
        if (address == null) {
            return "";
        }
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            if (host.indexOf(':') >= 0) {
                host = "[" + host + "]";
            }
            return host + ":" + inet.getPort();
        }
        return address.toString();
    }

    /** The host of a socket address without the port (a peer's key in per-peer logs), {@code ""} for {@code null}. */
    public static String toHost(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return address == null ? "" : address.toString();
    }

    /**
     * Parses {@code "host:port"} or {@code "[v6]:port"} into an unresolved-if-needed socket address.
     *
     * @throws IllegalArgumentException when the text has no port or the port is not a number in 0..65535
     */
    public static InetSocketAddress parse(String address) {
        if (address == null) {
            throw new IllegalArgumentException("address must not be null");
        }
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("address must look like host:port, got '" + address + "'");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address has a non-numeric port: '" + address + "'", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("address has a port outside 0..65535: '" + address + "'");
        }
        return new InetSocketAddress(host, port);
    }
}
