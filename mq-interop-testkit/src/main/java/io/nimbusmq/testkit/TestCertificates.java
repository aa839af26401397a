package io.nimbusmq.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates for TLS tests, made at test time with the JDK's {@code keytool} (no BouncyCastle): an RSA
 * 2048 key and a certificate for {@code CN=<name>} valid for {@code localhost} and {@code 127.0.0.1}, written as PEM
 * files (the certificate, and the key in PKCS#8) into a directory of the caller.
 *
 * <pre>{@code
 * TestCertificates.Pem server = TestCertificates.selfSigned(tempDir, "server");
 * TlsServerConfig.of(TlsMode.ENFORCING, server.certificate(), server.privateKey());
 * }</pre>
 *
 * A self-signed certificate is its own CA: a peer trusts it by using its certificate file as trusted certificates.
 */
public final class TestCertificates {

    private static final String PASSWORD = "changeit";

    private TestCertificates() {
    }

    /**
     * PEM files of one certificate and its key.
     *
     * @param certificate {@code <name>.crt}, {@code BEGIN CERTIFICATE}
     * @param privateKey  {@code <name>.key}, {@code BEGIN PRIVATE KEY} (PKCS#8, unencrypted)
     */
    public record Pem(Path certificate, Path privateKey) {
    }

    /** A new self-signed certificate {@code CN=<name>} with its key, written into {@code dir}. */
    public static Pem selfSigned(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path keyStore = dir.resolve(name + ".p12");
            Files.deleteIfExists(keyStore);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", name,
                    "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA", "-validity", "3650",
                    "-dname", "CN=" + name, "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            Certificate certificate = store.getCertificate(name);
            PrivateKey key = (PrivateKey) store.getKey(name, PASSWORD.toCharArray());
            Path certificateFile = dir.resolve(name + ".crt");
            Path keyFile = dir.resolve(name + ".key");
            Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
            Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
            return new Pem(certificateFile, keyFile);
        } catch (IOException | InterruptedException | GeneralSecurityException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot make a test certificate for " + name + " in " + dir, e);
        }
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
