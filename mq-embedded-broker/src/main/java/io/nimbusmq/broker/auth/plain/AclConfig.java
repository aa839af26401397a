package io.nimbusmq.broker.auth.plain;

import java.nio.file.Path;

/**
 * Access-control settings (off by default).
 *
 * @param enabled              whether requests must be signed and allowed (RocketMQ's {@code aclEnable})
 * @param plainAclFile         the ACL 1.0 {@code plain_acl.yml}; required when enabled
 * @param reloadIntervalMillis how often the file is checked for changes; a change applies without restart
 */
public record AclConfig(boolean enabled, Path plainAclFile, long reloadIntervalMillis) {

    public static final long DEFAULT_RELOAD_INTERVAL_MILLIS = 500;

    public AclConfig {
        if (enabled && plainAclFile == null) {
            throw new IllegalArgumentException("access control needs a plain_acl.yml file");
        }
        if (reloadIntervalMillis <= 0) {
            throw new IllegalArgumentException("reloadIntervalMillis must be positive: " + reloadIntervalMillis);
        }
    }

    public static AclConfig disabled() {
        return new AclConfig(false, null, DEFAULT_RELOAD_INTERVAL_MILLIS);
    }

    /** On, with the rules of {@code plainAclFile}, checked for changes every 500 ms. */
    public static AclConfig plainAcl(Path plainAclFile) {
        return new AclConfig(true, plainAclFile, DEFAULT_RELOAD_INTERVAL_MILLIS);
    }
}
