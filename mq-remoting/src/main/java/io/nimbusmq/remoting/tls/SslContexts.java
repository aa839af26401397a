package io.nimbusmq.remoting.tls;

import java.nio.file.Path;
import javax.net.ssl.SSLException;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

/**
 * Netty {@link SslContext}s from {@link TlsServerConfig} and {@link TlsClientConfig}: certificates and keys from PEM
 * files, OpenSSL (netty-tcnative-boringssl-static) when it is on the classpath and loads on this machine, the JDK's
 * TLS otherwise.
 */
public final class SslContexts {

    private SslContexts() {
    }

    /** OPENSSL when netty-tcnative is usable here, else JDK. */
    public static SslProvider provider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /**
     * The server context of {@code config} (which must not be disabled).
     *
     * @throws IllegalArgumentException when a certificate or key cannot be loaded, naming the file
     */
    public static SslContext forServer(TlsServerConfig config) {
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(config.certificateChain().toFile(),
                    config.privateKey().toFile(), config.privateKeyPassword()).sslProvider(provider());
            switch (config.clientAuth()) {
                case NONE -> builder.clientAuth(ClientAuth.NONE);
                case OPTIONAL -> builder.trustManager(config.trustedCertificates().toFile())
                        .clientAuth(ClientAuth.OPTIONAL);
                case REQUIRE -> builder.trustManager(config.trustedCertificates().toFile())
                        .clientAuth(ClientAuth.REQUIRE);
                default -> throw new IllegalStateException(config.clientAuth().name());
            }
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot set up TLS from certificate " + config.certificateChain()
                    + " and key " + config.privateKey() + describe(config.trustedCertificates()) + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The client context of {@code config} (which must be enabled).
     *
     * @throws IllegalArgumentException when a certificate or key cannot be loaded, naming the file
     */
    public static SslContext forClient(TlsClientConfig config) {
        try {
            // RocketMQ addresses are IPs that certificates seldom name: the chain is verified, the host name not
            // (as RocketMQ's client); Netty 4.2 would check it by default
            SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(provider())
                    .endpointIdentificationAlgorithm(null);
            if (!config.verifyServer()) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (config.trustedCertificates() != null) {
                builder.trustManager(config.trustedCertificates().toFile());
            }
            if (config.certificateChain() != null) {
                builder.keyManager(config.certificateChain().toFile(), config.privateKey().toFile(),
                        config.privateKeyPassword());
            }
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot set up client TLS" + describe(config.trustedCertificates())
                    + (config.certificateChain() == null ? "" : " with certificate " + config.certificateChain())
                    + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Path trusted) {
        return trusted == null ? "" : " (trusted CAs " + trusted + ")";
    }
}
