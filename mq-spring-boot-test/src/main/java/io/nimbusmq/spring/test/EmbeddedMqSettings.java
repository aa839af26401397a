package io.nimbusmq.spring.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.auth.plain.AclConfig;
import io.nimbusmq.broker.transaction.TransactionConfig;

/**
 * How an {@link EmbeddedMq} broker is configured; the JVM runs one broker per distinct value
 * ({@link EmbeddedMqBrokers#broker(EmbeddedMqSettings)}). Unset values ({@code ""}, {@code -1}) keep the broker's
 * defaults.
 *
 * @param delayLevels                    e.g. {@code "1s 2s 1s ..."}; {@code ""} for RocketMQ's 18 levels
 * @param transactionCheckIntervalMillis how often open transactions are checked back; -1 for 30 s
 * @param transactionTimeoutMillis       how old a transaction must be to be checked; -1 for 6 s
 * @param transactionCheckMax            checks before a transaction is given up; -1 for 15
 * @param aclFile                        {@code plain_acl.yml} path or {@code classpath:} resource; {@code ""} for no
 *                                       access control
 */
public record EmbeddedMqSettings(boolean manualClock, String delayLevels, long transactionCheckIntervalMillis,
        long transactionTimeoutMillis, int transactionCheckMax, String aclFile) {

    /** The broker of {@code @EmbeddedMq} with no attributes. */
    public static final EmbeddedMqSettings DEFAULTS = new EmbeddedMqSettings(false, "", -1, -1, -1, "");

    public EmbeddedMqSettings {
        delayLevels = Objects.requireNonNullElse(delayLevels, "").trim();
        aclFile = Objects.requireNonNullElse(aclFile, "").trim();
    }

    public static EmbeddedMqSettings of(EmbeddedMq annotation) {
        return new EmbeddedMqSettings(annotation.manualClock(), annotation.delayLevels(),
                annotation.transactionCheckIntervalMillis(), annotation.transactionTimeoutMillis(),
                annotation.transactionCheckMax(), annotation.aclFile());
    }

    public EmbeddedMqSettings withManualClock(boolean value) {
        return new EmbeddedMqSettings(value, delayLevels, transactionCheckIntervalMillis, transactionTimeoutMillis,
                transactionCheckMax, aclFile);
    }

    /** Applies the settings that are set to {@code builder} (the clock is the caller's). */
    EmbeddedBroker.Builder applyTo(EmbeddedBroker.Builder builder, Path storeDir) {
        if (!delayLevels.isEmpty()) {
            builder.delayLevels(delayLevels);
        }
        TransactionConfig transaction = TransactionConfig.defaults();
        if (transactionCheckIntervalMillis >= 0) {
            transaction = transaction.withCheckIntervalMillis(transactionCheckIntervalMillis);
        }
        if (transactionTimeoutMillis >= 0) {
            transaction = transaction.withTimeoutMillis(transactionTimeoutMillis);
        }
        if (transactionCheckMax >= 0) {
            transaction = transaction.withCheckMax(transactionCheckMax);
        }
        if (!aclFile.isEmpty()) {
            builder.acl(AclConfig.plainAcl(aclPath(storeDir)));
        }
        return builder.transaction(transaction);
    }

    /** The ACL file; a classpath resource is copied next to the broker's store (changes to it are not watched). */
    private Path aclPath(Path storeDir) {
        if (!aclFile.startsWith("classpath:")) {
            return Path.of(aclFile);
        }
        String resource = aclFile.substring("classpath:".length()).replaceFirst("^/", "");
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("@EmbeddedMq(aclFile): no " + aclFile + " on the classpath");
            }
            Path copy = storeDir.resolve("plain_acl.yml");
            Files.createDirectories(storeDir);
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + aclFile, e);
        }
    }
}
