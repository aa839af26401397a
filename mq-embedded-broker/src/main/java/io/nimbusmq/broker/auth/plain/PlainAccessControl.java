package io.nimbusmq.broker.auth.plain;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.nimbusmq.broker.auth.AccessCheck;
import io.nimbusmq.broker.auth.AccessRule;
import io.nimbusmq.broker.auth.AclRules;
import io.nimbusmq.broker.auth.AclUser;
import io.nimbusmq.broker.auth.Action;
import io.nimbusmq.broker.auth.AddressPattern;
import io.nimbusmq.broker.auth.PolicyType;
import io.nimbusmq.broker.auth.RequiredAccess;
import io.nimbusmq.broker.auth.Resource;
import io.nimbusmq.remoting.acl.RequestSignature;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;

/**
 * ACL 1.0: decides whether a request may go through, against the current {@link AclRules} of a
 * {@code plain_acl.yml}. The steps, in RocketMQ's order (apache/rocketmq {@code PlainPermissionManager.validate},
 * {@code PlainPermissionChecker}):
 * <ol>
 *   <li>the peer's address is in {@code globalWhiteRemoteAddresses}: allowed, nothing else is checked;</li>
 *   <li>no {@code AccessKey}: "No accessKey is configured"; an unknown one: "No acl config for &lt;key&gt;";</li>
 *   <li>the address matches the user's {@code whiteRemoteAddress}: allowed;</li>
 *   <li>the {@code Signature} is not the one the user's secret key gives (constant-time comparison):
 *       "Check signature failed for accessKey=&lt;key&gt;";</li>
 *   <li>a send to the trace topic {@code RMQ_SYS_TRACE_TOPIC}: allowed;</li>
 *   <li>admin users: allowed; an {@linkplain #ADMIN_CODES admin code} from anyone else: "Need admin permission for
 *       request code=&lt;code&gt;, but accessKey=&lt;key&gt; is not";</li>
 *   <li>each topic and group the request touches ({@link PlainRequestResources}) needs the permission: the decisive
 *       rule of the user ({@link AclUser#decisiveRule}) decides; "No permission for topic:&lt;t&gt;" (or
 *       "No default permission for ..." when a default decided, or nothing applied).</li>
 * </ol>
 * Refusals are SYSTEM_ERROR (1) with the remark {@code org.apache.rocketmq.acl.common.AclException: <reason>}, as
 * RocketMQ answers them. Thread-safe: reads one snapshot of the rules per request.
 */
public final class PlainAccessControl implements AccessCheck {

    /** The remark prefix of ACL 1.0 refusals, as the official broker writes it. */
    public static final String ACL_EXCEPTION_PREFIX = "org.apache.rocketmq.acl.common.AclException: ";

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
            RequestCode.DELETE_SUBSCRIPTIONGROUP, 513, 50, 51, 52, RequestCode.AUTH_CREATE_USER,
            RequestCode.AUTH_UPDATE_USER, RequestCode.AUTH_DELETE_USER, RequestCode.AUTH_GET_USER,
            RequestCode.AUTH_LIST_USER, RequestCode.AUTH_CREATE_ACL, RequestCode.AUTH_UPDATE_ACL,
            RequestCode.AUTH_DELETE_ACL, RequestCode.AUTH_GET_ACL, RequestCode.AUTH_LIST_ACL, 100, 102,
            RequestCode.REGISTER_BROKER, RequestCode.UNREGISTER_BROKER, RequestCode.DELETE_TOPIC_IN_NAMESRV,
            RequestCode.QUERY_DATA_VERSION, RequestCode.BROKER_HEARTBEAT, RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
            32001);

    static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";

    private final Supplier<AclRules> rules;

    /** @param rules the current rules, read once per request (e.g. {@link AclFileWatcher#current()}) */
    public PlainAccessControl(Supplier<AclRules> rules) {
        this.rules = rules;
    }

    @Override
    public Refusal check(RemotingCommand request, String ip) {
        String reason = refusalReason(request, ip);
        return reason == null ? null : new Refusal(ResponseCode.SYSTEM_ERROR, ACL_EXCEPTION_PREFIX + reason);
    }

    /** Why {@code request} from {@code ip} is refused, in RocketMQ's words; {@code null} when it is allowed. */
    String refusalReason(RemotingCommand request, String ip) {
        AclRules snapshot = rules.get();
        for (AddressPattern pattern : snapshot.globalWhiteRemoteAddresses()) {
            if (pattern.matches(ip)) {
                return null;
            }
        }
        String accessKey = request.optionalString(SessionCredentials.ACCESS_KEY);
        if (accessKey == null) {
            return "No accessKey is configured";
        }
        AclUser user = snapshot.users().get(accessKey);
        if (user == null) {
            return "No acl config for " + accessKey;
        }
        if (user.trustedAddresses() != null && user.trustedAddresses().matches(ip)) {
            return null;
        }
        if (!RequestSignature.verify(request, user.secretKey())) {
            return "Check signature failed for accessKey=" + accessKey;
        }
        List<RequiredAccess> needed;
        try {
            needed = PlainRequestResources.of(request);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (needed.contains(RequiredAccess.of(Resource.topic(TRACE_TOPIC), Action.PUB))) {
            return null;
        }
        if (user.admin()) {
            return null;
        }
        if (ADMIN_CODES.contains(request.code())) {
            return "Need admin permission for request code=" + request.code() + ", but accessKey=" + accessKey
                    + " is not";
        }
        for (RequiredAccess access : needed) {
            AccessRule decisive = user.decisiveRule(access.resource(), access.actions(), ip);
            if (decisive == null || !decisive.allow()) {
                boolean byDefault = decisive == null || decisive.policyType() == PolicyType.DEFAULT;
                return (byDefault ? "No default permission for " : "No permission for ") + access.resource();
            }
        }
        return null;
    }
}
