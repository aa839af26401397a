package io.nimbusmq.remoting.tls;

import java.util.Locale;

/** How a server's port treats TLS, with RocketMQ's names ({@code tls.server.mode}). */
public enum TlsMode {
    /** Plain TCP only; a TLS client's ClientHello is an undecodable frame and its connection is closed. */
    DISABLED,
    /** TLS and plain clients on one port, told apart by the first byte (0x16, a TLS handshake record). */
    PERMISSIVE,
    /** TLS only; a plain client's first frame fails the handshake and its connection is closed. */
    ENFORCING;

    /**
     * Parses {@code disabled}, {@code permissive} or {@code enforcing}, in any case.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static TlsMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("TLS mode must be disabled, permissive or enforcing: " + text);
        }
    }
}
