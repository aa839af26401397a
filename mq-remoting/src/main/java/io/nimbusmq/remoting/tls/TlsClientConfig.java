package io.nimbusmq.remoting.tls;

import java.nio.file.Path;

/**
 * TLS settings of a client, checked when constructed.
 *
 * @param enabled             whether connections use TLS (RocketMQ's {@code tls.enable} / {@code setUseTLS})
 * @param trustedCertificates PEM file of the CAs the server certificate must chain to; {@code null} for the JVM's
 *                            default trust store. The chain is verified, not the host name (RocketMQ addresses are
 *                            IPs that certificates seldom name)
 * @param verifyServer        {@code false} accepts any server certificate (RocketMQ's client default,
 *                            {@code tls.client.authServer=false}); only for tests and self-signed development brokers
 * @param certificateChain    PEM client certificate for mutual TLS, or {@code null}
 * @param privateKey          PEM PKCS#8 client key for mutual TLS, or {@code null}
 * @param privateKeyPassword  the client key's password, or {@code null}; never logged
 */
public record TlsClientConfig(boolean enabled, Path trustedCertificates, boolean verifyServer, Path certificateChain,
        Path privateKey, String privateKeyPassword) {

    public TlsClientConfig {
        if (enabled) {
            if (trustedCertificates != null) {
                TlsServerConfig.requireFile(trustedCertificates, "the trusted CA certificates (PEM)");
            }
            if ((certificateChain == null) != (privateKey == null)) {
                throw new IllegalArgumentException("a TLS client certificate needs its private key, and the other "
                        + "way round");
            }
            if (certificateChain != null) {
                TlsServerConfig.requireFile(certificateChain, "the client certificate (PEM)");
                TlsServerConfig.requireFile(privateKey, "the client private key (PEM, PKCS#8)");
            }
        }
    }

    /** Plain TCP. */
    public static TlsClientConfig disabled() {
        return new TlsClientConfig(false, null, true, null, null, null);
    }

    /** TLS, the server certificate checked against {@code trusted} (or the JVM's trust store when null). */
    public static TlsClientConfig trusting(Path trusted) {
        return new TlsClientConfig(true, trusted, true, null, null, null);
    }

    /** TLS accepting any server certificate, as RocketMQ's client does by default. */
    public static TlsClientConfig trustingAnyServer() {
        return new TlsClientConfig(true, null, false, null, null, null);
    }

    /** The same, presenting this client certificate (mutual TLS). */
    public TlsClientConfig withClientCertificate(Path chain, Path key) {
        return new TlsClientConfig(enabled, trustedCertificates, verifyServer, chain, key, privateKeyPassword);
    }

    @Override
    public String toString() {
        return "TlsClientConfig[enabled=" + enabled + ", trustedCertificates=" + trustedCertificates
                + ", verifyServer=" + verifyServer + ", certificateChain=" + certificateChain + ", privateKey="
                + privateKey + (privateKeyPassword == null ? "" : ", privateKeyPassword=******") + "]";
    }
}
