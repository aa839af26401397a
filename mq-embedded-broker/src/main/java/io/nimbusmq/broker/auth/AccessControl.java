package io.nimbusmq.broker.auth;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.nimbusmq.remoting.acl.RequestSignature;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;

/**
 * Decides whether a request may go through, against the current {@link AclRules}. The steps, in RocketMQ's order
 * (apache/rocketmq {@code PlainPermissionManager.validate}, {@code PlainPermissionChecker}):
 * <ol>
 *   <li>the peer's address is in {@code globalWhiteRemoteAddresses}: allowed, nothing else is checked;</li>
 *   <li>no {@code AccessKey}: "No accessKey is configured"; an unknown one: "No acl config for &lt;key&gt;";</li>
 *   <li>the address matches the user's {@code whiteRemoteAddress}: allowed;</li>
 *   <li>the {@code Signature} is not the one the user's secret key gives (constant-time comparison):
 *       "Check signature failed for accessKey=&lt;key&gt;";</li>
 *   <li>a send to the trace topic {@code RMQ_SYS_TRACE_TOPIC}: allowed;</li>
 *   <li>admin users: allowed; an {@linkplain #ADMIN_CODES admin code} from anyone else: "Need admin permission for
 *       request code=&lt;code&gt;, but accessKey=&lt;key&gt; is not";</li>
 *   <li>each topic and group the request touches ({@link RequestResources}) needs the permission: the most specific
 *       rule of the user decides; "No permission for topic:&lt;t&gt;" (or "No default permission for ..." when
 *       the default decided).</li>
 * </ol>
 * Thread-safe: reads one snapshot of the rules per request.
 */
public final class AccessControl {

    /**
     * Request codes only admin users may send: RocketMQ's (UPDATE_AND_CREATE_TOPIC 17, UPDATE_BROKER_CONFIG 25,
     * DELETE_TOPIC_IN_BROKER 215, UPDATE_AND_CREATE_SUBSCRIPTIONGROUP 200, DELETE_SUBSCRIPTIONGROUP 207,
     * UPDATE_AND_CREATE_STATIC_TOPIC 513, the ACL 1.0 admin codes 50-52 and the ACL 2.0 user and ACL codes
     * 3001-3010), plus what changes the name server (PUT_KV_CONFIG 100, DELETE_KV_CONFIG 102, REGISTER_BROKER 103,
     * UNREGISTER_BROKER 104, DELETE_TOPIC_IN_NAMESRV 216, QUERY_DATA_VERSION 322, BROKER_HEARTBEAT 904), resetting a
     * group's offsets (INVOKE_BROKER_TO_RESET_OFFSET 222) and our dead-letter resend (32001).
     */
    public static final Set<Integer> ADMIN_CODES = Set.of(RequestCode.UPDATE_AND_CREATE_TOPIC, 25,
            RequestCode.DELETE_TOPIC_IN_BROKER, RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP,
            RequestCode.DELETE_SUBSCRIPTIONGROUP, 513, 50, 51, 52, 3001, 3002, 3003, 3004, 3005, 3006, 3007, 3008,
            3009, 3010, 100, 102, RequestCode.REGISTER_BROKER, RequestCode.UNREGISTER_BROKER,
            RequestCode.DELETE_TOPIC_IN_NAMESRV, RequestCode.QUERY_DATA_VERSION, RequestCode.BROKER_HEARTBEAT,
            RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, 32001);

    static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";

    private final Supplier<AclRules> rules;

    /** @param rules the current rules, read once per request (e.g. {@link AclFileWatcher#current()}) */
    public AccessControl(Supplier<AclRules> rules) {
        this.rules = rules;
    }

    /**
     * Checks {@code request} from {@code ip}.
     *
     * @return {@code null} when allowed, otherwise why not
     */
    public Refusal check(RemotingCommand request, String ip) {
        AclRules snapshot = rules.get();
        for (AddressPattern pattern : snapshot.globalWhiteRemoteAddresses()) {
            if (pattern.matches(ip)) {
                return null;
            }
        }
        String accessKey = request.optionalString(SessionCredentials.ACCESS_KEY);
        if (accessKey == null) {
            return new Refusal(null, "No accessKey is configured");
        }
        AclUser user = snapshot.users().get(accessKey);
        if (user == null) {
            return new Refusal(null, "No acl config for " + accessKey);
        }
        if (user.trustedAddresses() != null && user.trustedAddresses().matches(ip)) {
            return null;
        }
        if (!RequestSignature.verify(request, user.secretKey())) {
            return new Refusal(user, "Check signature failed for accessKey=" + accessKey);
        }
        Map<Resource, Byte> needed;
        try {
            needed = RequestResources.of(request);
        } catch (IllegalArgumentException e) {
            return new Refusal(user, e.getMessage());
        }
        if (needed.get(Resource.topic(TRACE_TOPIC)) != null && needed.get(Resource.topic(TRACE_TOPIC))
                == Permission.PUB) {
            return null;
        }
        if (user.admin()) {
            return null;
        }
        if (ADMIN_CODES.contains(request.code())) {
            return new Refusal(user, "Need admin permission for request code=" + request.code() + ", but accessKey="
                    + accessKey + " is not");
        }
        for (Map.Entry<Resource, Byte> entry : needed.entrySet()) {
            Refusal refusal = checkResource(user, entry.getKey(), entry.getValue(), ip);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private static Refusal checkResource(AclUser user, Resource resource, byte needed, String ip) {
        for (byte action : new byte[] {Permission.PUB, Permission.SUB}) {
            if ((needed & action) == 0) {
                continue;
            }
            AccessRule decisive = decisiveRule(user, resource, action, ip);
            if (decisive == null || !decisive.allow()) {
                boolean byDefault = decisive == null || decisive.fallback();
                return new Refusal(user, (byDefault ? "No default permission for " : "No permission for ")
                        + resource);
            }
        }
        return null;
    }

    /** The most specific rule that applies; among equally specific ones a denial wins. */
    private static AccessRule decisiveRule(AclUser user, Resource resource, byte action, String ip) {
        AccessRule best = null;
        for (AccessRule rule : user.rules()) {
            if (!rule.appliesTo(resource, action, ip)) {
                continue;
            }
            if (best == null || rule.specificity() > best.specificity()
                    || rule.specificity() == best.specificity() && !rule.allow()) {
                best = rule;
            }
        }
        return best;
    }

    /**
     * Why a request was refused.
     *
     * @param user    the user it was sent as, {@code null} when unknown
     * @param message RocketMQ's wording
     */
    public record Refusal(AclUser user, String message) {
    }
}
