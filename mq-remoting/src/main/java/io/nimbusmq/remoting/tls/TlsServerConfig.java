package io.nimbusmq.remoting.tls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * TLS settings of a server port, checked when constructed.
 *
 * @param mode                   {@link TlsMode#DISABLED} (the default), permissive or enforcing
 * @param certificateChain       PEM file with the server certificate (and intermediates); required unless disabled
 * @param privateKey             PEM file with the server's PKCS#8 private key ({@code BEGIN PRIVATE KEY}, or
 *                               {@code BEGIN ENCRYPTED PRIVATE KEY} with a password); required unless disabled
 * @param privateKeyPassword     the key's password, {@code null} for an unencrypted key; never logged
 * @param clientAuth             whether clients must present a certificate (mutual TLS)
 * @param trustedCertificates    PEM file of the CAs client certificates must chain to; required with
 *                               {@link ClientAuth#OPTIONAL} or {@link ClientAuth#REQUIRE}
 * @param handshakeTimeoutMillis a handshake not done by then (a truncated ClientHello, say) closes the connection
 */
public record TlsServerConfig(TlsMode mode, Path certificateChain, Path privateKey, String privateKeyPassword,
        ClientAuth clientAuth, Path trustedCertificates, long handshakeTimeoutMillis) {

    public static final long DEFAULT_HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    /** RocketMQ's {@code tls.server.need.client.auth}: none, optional or require. */
    public enum ClientAuth {
        NONE, OPTIONAL, REQUIRE;

        public static ClientAuth parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("TLS client auth must be none, optional or require: " + text);
            }
        }
    }

    public TlsServerConfig {
        Objects.requireNonNull(mode, "mode");
        clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
        if (mode != TlsMode.DISABLED) {
            requireFile(certificateChain, "the server certificate (PEM)");
            requireFile(privateKey, "the server private key (PEM, PKCS#8)");
            if (clientAuth != ClientAuth.NONE) {
                requireFile(trustedCertificates, "the CA certificates client certificates must chain to (PEM)");
            }
        }
        if (handshakeTimeoutMillis <= 0) {
            throw new IllegalArgumentException("handshakeTimeoutMillis must be positive: " + handshakeTimeoutMillis);
        }
    }

    /** TLS off. */
    public static TlsServerConfig disabled() {
        return new TlsServerConfig(TlsMode.DISABLED, null, null, null, ClientAuth.NONE, null,
                DEFAULT_HANDSHAKE_TIMEOUT_MILLIS);
    }

    /** TLS in {@code mode} with this certificate and key, no client certificates. */
    public static TlsServerConfig of(TlsMode mode, Path certificateChain, Path privateKey) {
        return new TlsServerConfig(mode, certificateChain, privateKey, null, ClientAuth.NONE, null,
                DEFAULT_HANDSHAKE_TIMEOUT_MILLIS);
    }

    /** The same with client certificates checked against {@code trusted}. */
    public TlsServerConfig withClientAuth(ClientAuth newClientAuth, Path trusted) {
        return new TlsServerConfig(mode, certificateChain, privateKey, privateKeyPassword, newClientAuth, trusted,
                handshakeTimeoutMillis);
    }

    public TlsServerConfig withHandshakeTimeoutMillis(long newTimeoutMillis) {
        return new TlsServerConfig(mode, certificateChain, privateKey, privateKeyPassword, clientAuth,
                trustedCertificates, newTimeoutMillis);
    }

    public TlsServerConfig withPrivateKeyPassword(String password) {
        return new TlsServerConfig(mode, certificateChain, privateKey, password, clientAuth, trustedCertificates,
                handshakeTimeoutMillis);
    }

    static void requireFile(Path file, String what) {
        if (file == null) {
            throw new IllegalArgumentException("TLS needs " + what);
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("TLS needs " + what + ", but " + file + " cannot be read");
        }
    }

    @Override
    public String toString() {
        return "TlsServerConfig[mode=" + mode + ", certificateChain=" + certificateChain + ", privateKey="
                + privateKey + (privateKeyPassword == null ? "" : ", privateKeyPassword=******") + ", clientAuth="
                + clientAuth + ", trustedCertificates=" + trustedCertificates + ", handshakeTimeoutMillis="
                + handshakeTimeoutMillis + "]";
    }
}
