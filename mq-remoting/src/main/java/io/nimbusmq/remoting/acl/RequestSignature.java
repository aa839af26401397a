package io.nimbusmq.remoting.acl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingVersion;

/**
 * RocketMQ's ACL request signature, one home for both sides of the wire (remoting-protocol.md §9; apache/rocketmq
 * {@code AclClientRPCHook}, {@code AclUtils.combineRequestContent}, {@code AclSigner}):
 * <ol>
 *   <li>the signer puts ext {@code AccessKey} (and {@code SecurityToken} when it has one);</li>
 *   <li>the signed content is the <b>values</b> of every ext field except {@code Signature}, in ascending order of
 *       their keys (String order), concatenated with no separator, UTF-8, followed by the raw body;</li>
 *   <li>{@code Signature = Base64(HmacSHA1(secretKey as UTF-8, content))}.</li>
 * </ol>
 * The verifier recomputes over the ext fields as received. For senders at version V4_9_3 (400) or older, whose
 * signature did not cover it, {@value #UNIQUE_KEY_QUERY} is left out as RocketMQ brokers do.
 *
 * <p>A signature is compared in constant time ({@link MessageDigest#isEqual}). Thread-safe; a {@link Mac} is kept per
 * thread.
 */
public final class RequestSignature {

    /** The ext flag of a QUERY_MESSAGE by unique key, not signed by clients up to V4_9_3. */
    public static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";
    static final String ALGORITHM = "HmacSHA1";

    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    });

    private RequestSignature() {
    }

    /**
     * Signs {@code request} in place with {@code credentials}: sets {@code AccessKey}, {@code SecurityToken} (when
     * the credentials have one) and {@code Signature}. Call it last: any later change to the ext fields or the body
     * invalidates the signature.
     */
    public static RemotingCommand sign(RemotingCommand request, SessionCredentials credentials) {
        request.putExtField(SessionCredentials.ACCESS_KEY, credentials.accessKey());
        if (credentials.securityToken() != null) {
            request.putExtField(SessionCredentials.SECURITY_TOKEN, credentials.securityToken());
        }
        request.putExtField(SessionCredentials.SIGNATURE, compute(request, credentials.secretKey()));
        return request;
    }

    /** The Base64 signature of {@code request}'s ext fields and body under {@code secretKey}. */
    public static String compute(RemotingCommand request, String secretKey) {
        Mac mac = MACS.get();
        try {
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable secret key", e);
        }
        boolean skipUniqueKeyQuery = request.version() <= RemotingVersion.V4_9_3;
        StringBuilder values = new StringBuilder(256);
        for (Map.Entry<String, String> field : new TreeMap<>(request.extFields()).entrySet()) {
            String key = field.getKey();
            if (!key.equals(SessionCredentials.SIGNATURE) && !(skipUniqueKeyQuery && key.equals(UNIQUE_KEY_QUERY))) {
                values.append(field.getValue());
            }
        }
        mac.update(values.toString().getBytes(StandardCharsets.UTF_8));
        if (request.body() != null) {
            mac.update(request.body());
        }
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }

    /**
     * Whether {@code request} carries a signature that {@code secretKey} produces; compared in constant time so that
     * the time taken says nothing about how much of a forged signature was right.
     */
    public static boolean verify(RemotingCommand request, String secretKey) {
        String presented = request.optionalString(SessionCredentials.SIGNATURE);
        if (presented == null) {
            return false;
        }
        byte[] expected = compute(request, secretKey).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }
}
