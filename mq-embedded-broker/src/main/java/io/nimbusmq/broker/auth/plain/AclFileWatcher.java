package io.nimbusmq.broker.auth.plain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.nimbusmq.broker.auth.AclRules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the rules of a {@code plain_acl.yml} current: read once at {@link #start()} (an invalid file fails the
 * start), then checked every {@code intervalMillis} on its own daemon thread; when the file's content changed it is
 * read again and the new rules replace the old ones at once, without a restart. A file that became invalid or
 * unreadable is reported (ERROR, once per content) and the previous rules stay in force; a deleted file leaves no
 * user (everyone is refused but the global white list of nobody). An empty file is taken for one being rewritten
 * (an editor or {@code cp} truncates before it writes): the previous rules stay until content arrives, so a rewrite
 * never refuses every user for a moment. The rules come from the very bytes that were compared, never from a second
 * read. Writing the file atomically (a temporary file moved over it) is still the safe way to change it.
 *
 * <p>Thread-safe: {@link #current()} is a volatile read.
 */
public final class AclFileWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AclFileWatcher.class);

    private final Path file;
    private final long intervalMillis;
    private final ScheduledExecutorService scheduler;
    private volatile AclRules current = AclRules.EMPTY;
    private byte[] lastDigest;

    public AclFileWatcher(Path file, long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("intervalMillis must be positive: " + intervalMillis);
        }
        this.file = file;
        this.intervalMillis = intervalMillis;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "acl-file-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Reads the file and starts watching it.
     *
     * @throws IllegalArgumentException when the file is missing or invalid, naming the problem
     */
    public AclFileWatcher start() {
        try {
            byte[] content = Files.readAllBytes(file);
            current = PlainAclFile.read(file, content);
            lastDigest = digest(content);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the ACL file " + file + ": " + e, e);
        }
        log.info("Access control on: {} user(s), {} global white address pattern(s) from {}",
                current.users().size(), current.globalWhiteRemoteAddresses().size(), file.toAbsolutePath());
        scheduler.scheduleWithFixedDelay(this::checkForChange, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The rules in force. */
    public AclRules current() {
        return current;
    }

    public Path file() {
        return file;
    }

    /** Checks the file once; the watcher thread calls it every interval. */
    void checkForChange() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            if (lastDigest != null) {
                log.warn("ACL file {} was deleted: no user is known any more", file);
                current = AclRules.EMPTY;
                lastDigest = null;
            }
            return;
        } catch (IOException e) {
            log.error("Cannot read ACL file {}: {}; the previous rules stay in force", file, e.toString());
            return;
        }
        if (content.length == 0) {
            return;
        }
        byte[] digest = digest(content);
        if (Arrays.equals(digest, lastDigest)) {
            return;
        }
        lastDigest = digest;
        try {
            current = PlainAclFile.read(file, content);
            log.info("Reloaded ACL file {}: {} user(s), {} global white address pattern(s)", file,
                    current.users().size(), current.globalWhiteRemoteAddresses().size());
        } catch (IllegalArgumentException e) {
            log.error("ACL file {} is invalid, the previous rules stay in force: {}", file, e.getMessage());
        }
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
