package io.nimbusmq.remoting.protocol.body.auth;

import java.util.List;

/**
 * The ACL 2.0 policies of one subject as RocketMQ 5.3 sends them (its {@code AclInfo}): the body of AUTH_CREATE_ACL
 * (3006) and AUTH_UPDATE_ACL (3007) requests and of the AUTH_GET_ACL (3009) response, and a JSON array of these in
 * the AUTH_LIST_ACL (3010) response. Every field may be absent ({@code null}).
 *
 * <pre>
 * {"policies":[{"entries":[{"actions":["Pub","Sub"],"decision":"Allow","resource":"Topic:orders*",
 *   "sourceIps":["10.0.0.0/8"]}],"policyType":"Custom"}],"subject":"User:orders-service"}
 * </pre>
 *
 * @param subject  {@code User:<name>}
 * @param policies at most one per policy type
 */
public record AclInfo(String subject, List<PolicyInfo> policies) {

    /**
     * The entries of one policy type.
     *
     * @param policyType {@code Custom} (absent means Custom) or {@code Default} (consulted only when no Custom entry
     *                   matches)
     * @param entries    what is allowed or denied
     */
    public record PolicyInfo(String policyType, List<PolicyEntryInfo> entries) {
    }

    /**
     * One entry.
     *
     * @param resource  {@code *}, {@code Topic:*}, {@code Topic:orders}, {@code Topic:orders*} (prefix), likewise
     *                  {@code Group:} and {@code Cluster:}
     * @param actions   {@code Pub}, {@code Sub}, {@code Create}, {@code Update}, {@code Delete}, {@code Get},
     *                  {@code List}, {@code All}; any case
     * @param sourceIps addresses ({@code 10.1.2.3}) or CIDR blocks ({@code 10.0.0.0/8}) the entry applies to; absent
     *                  or empty for every address
     * @param decision  {@code Allow} or {@code Deny}, any case
     */
    public record PolicyEntryInfo(String resource, List<String> actions, List<String> sourceIps, String decision) {
    }
}
