package io.nimbusmq.broker.auth;

import io.nimbusmq.remoting.protocol.RemotingCommand;

/**
 * One access-control model's decision on a request: ACL 1.0 ({@code plain.PlainAccessControl}) or ACL 2.0
 * ({@code acl2.PolicyAccessControl}). Each answers refusals in its own dialect, as RocketMQ does.
 */
@FunctionalInterface
public interface AccessCheck {

    /**
     * Checks {@code request} from {@code ip} (a literal address).
     *
     * @return {@code null} when allowed, otherwise the refusal to answer
     */
    Refusal check(RemotingCommand request, String ip);

    /**
     * Why a request was refused, and the answer.
     *
     * @param responseCode the response code RocketMQ answers with (SYSTEM_ERROR for ACL 1.0, NO_PERMISSION for 2.0)
     * @param remark       the response remark, RocketMQ's wording; also what the refusal log line says
     */
    record Refusal(int responseCode, String remark) {
    }
}
