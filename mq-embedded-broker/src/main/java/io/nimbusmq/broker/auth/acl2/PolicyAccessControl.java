package io.nimbusmq.broker.auth.acl2;

import java.util.List;
import java.util.function.Supplier;

import io.nimbusmq.broker.auth.AccessCheck;
import io.nimbusmq.broker.auth.AccessRule;
import io.nimbusmq.broker.auth.AclRules;
import io.nimbusmq.broker.auth.AclUser;
import io.nimbusmq.broker.auth.RequiredAccess;
import io.nimbusmq.remoting.acl.RequestSignature;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.ResponseCode;

/**
 * ACL 2.0: authentication, then authorization, of every request against the users and policies of a
 * {@link UserPolicyStore}, as RocketMQ 5.3's broker pipeline does (apache/rocketmq {@code DefaultAuthenticationHandler},
 * {@code UserAuthorizationHandler}, {@code AclAuthorizationHandler}). Refusals are NO_PERMISSION (16) with RocketMQ's
 * remark:
 *
 * <table>
 *   <caption>Refusals</caption>
 *   <tr><th>Case</th><th>Remark</th></tr>
 *   <tr><td>no {@code AccessKey}</td><td>{@code username cannot be null.}</td></tr>
 *   <tr><td>unknown user (also a removed one's replayed request)</td><td>{@code User:<name> is not found.}</td></tr>
 *   <tr><td>a disabled user</td><td>{@code User:<name> is disabled.}</td></tr>
 *   <tr><td>wrong password, or a signature of other content</td><td>{@code check signature failed.}</td></tr>
 *   <tr><td>no policy entry applies</td><td>{@code User:<name> has no permission to access Topic:<t> from <ip>, no
 *       matched policies.}</td></tr>
 *   <tr><td>the deciding entry denies</td><td>{@code ... from <ip>, the decision is deny.}</td></tr>
 * </table>
 * Super users are allowed everything once authenticated. With authorization on and authentication off the access key
 * is taken unsigned (RocketMQ's behaviour); an unknown one is "User:&lt;name&gt; not found.".
 *
 * <p>Which entry decides: {@link AclUser#decisiveRule}; what a request needs: {@link PolicyRequestResources}.
 * Thread-safe: reads one snapshot of the store per request.
 */
public final class PolicyAccessControl implements AccessCheck {

    private final AuthConfig config;
    private final Supplier<AclRules> users;
    private final String clusterName;

    /**
     * @param users       the current users, read once per request (e.g. {@link UserPolicyStore#current()})
     * @param clusterName this broker's cluster, the resource of cluster-wide requests
     */
    public PolicyAccessControl(AuthConfig config, Supplier<AclRules> users, String clusterName) {
        this.config = config;
        this.users = users;
        this.clusterName = clusterName;
    }

    @Override
    public Refusal check(RemotingCommand request, String ip) {
        String reason = refusalReason(request, ip);
        return reason == null ? null : new Refusal(ResponseCode.NO_PERMISSION, reason);
    }

    private String refusalReason(RemotingCommand request, String ip) {
        AclRules snapshot = users.get();
        String username = request.optionalString(SessionCredentials.ACCESS_KEY);
        if (config.authenticationEnabled()) {
            String refusal = authenticate(request, username, snapshot);
            if (refusal != null) {
                return refusal;
            }
        }
        return config.authorizationEnabled() ? authorize(request, username, snapshot, ip) : null;
    }

    private static String authenticate(RemotingCommand request, String username, AclRules snapshot) {
        if (username == null || username.isEmpty()) {
            return "username cannot be null.";
        }
        AclUser user = snapshot.users().get(username);
        if (user == null) {
            return "User:" + username + " is not found.";
        }
        if (!user.enabled()) {
            return "User:" + username + " is disabled.";
        }
        return RequestSignature.verify(request, user.secretKey()) ? null : "check signature failed.";
    }

    private String authorize(RemotingCommand request, String username, AclRules snapshot, String ip) {
        List<RequiredAccess> needed;
        try {
            needed = PolicyRequestResources.of(request, clusterName);
        } catch (IllegalArgumentException e) {
            return "parse authorization context error.";
        }
        if (needed.isEmpty()) {
            return null;
        }
        if (username == null) {
            return "Authorization failed. Please verify your access rights and try again.";
        }
        AclUser user = snapshot.users().get(username);
        if (user == null) {
            return "User:" + username + " not found.";
        }
        if (user.admin()) {
            return null;
        }
        for (RequiredAccess access : needed) {
            AccessRule decisive = user.decisiveRule(access.resource(), access.actions(), ip);
            if (decisive == null || !decisive.allow()) {
                return "User:" + username + " has no permission to access " + access.resource().key() + " from "
                        + ip + ", " + (decisive == null ? "no matched policies." : "the decision is deny.");
            }
        }
        return null;
    }
}
