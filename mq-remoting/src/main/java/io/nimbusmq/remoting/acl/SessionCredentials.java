package io.nimbusmq.remoting.acl;

import java.util.Objects;

/**
 * An access key and its secret, as the official client's {@code SessionCredentials}: the access key travels in every
 * request (ext {@code AccessKey}), the secret never does; it keys the request's signature ({@link RequestSignature}).
 * The optional security token (a temporary credential) travels as ext {@code SecurityToken} and is signed with the
 * rest.
 *
 * <p>{@link #toString()} never shows the secret key nor the token.
 *
 * @param accessKey     who signs; RocketMQ brokers want more than 6 characters
 * @param secretKey     the HmacSHA1 key; RocketMQ brokers want more than 6 characters
 * @param securityToken optional, {@code null} when not used
 */
public record SessionCredentials(String accessKey, String secretKey, String securityToken) {

    /** Ext field carrying the access key. */
    public static final String ACCESS_KEY = "AccessKey";
    /** Ext field carrying the Base64 signature. */
    public static final String SIGNATURE = "Signature";
    /** Ext field carrying the optional security token. */
    public static final String SECURITY_TOKEN = "SecurityToken";

    public SessionCredentials {
        if (accessKey == null || accessKey.isBlank()) {
            throw new IllegalArgumentException("accessKey must not be blank");
        }
        if (secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("secretKey must not be empty (access key " + accessKey + ")");
        }
        securityToken = securityToken == null || securityToken.isEmpty() ? null : securityToken;
    }

    public SessionCredentials(String accessKey, String secretKey) {
        this(accessKey, secretKey, null);
    }

    /**
     * Credentials from optional settings: {@code null} when {@code accessKey} is blank (no signing).
     *
     * @throws IllegalArgumentException when an access key is given without a secret key
     */
    public static SessionCredentials ofNullable(String accessKey, String secretKey) {
        if (accessKey == null || accessKey.isBlank()) {
            return null;
        }
        return new SessionCredentials(accessKey.trim(), Objects.requireNonNullElse(secretKey, ""));
    }

    @Override
    public String toString() {
        return "SessionCredentials[accessKey=" + accessKey + ", secretKey=******"
                + (securityToken == null ? "" : ", securityToken=******") + "]";
    }
}
