package io.nimbusmq.broker.auth;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.List;

import io.nimbusmq.remoting.RateLimitedLog;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestPreprocessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access control in the request path: every request to the broker (or name server) passes the configured
 * {@link AccessCheck}s before its processor, in order; the first refusal is the answer. A refused request never
 * reaches its processor, so nothing is stored or changed; the connection stays open for the next (correct) request.
 *
 * <p>With both models on, RocketMQ 5.3 runs ACL 1.0 (an RPC hook) and ACL 2.0 (the request pipeline) on every
 * request, and a request must pass both; when both refuse, the ACL 2.0 answer is the one sent. The broker therefore
 * lists the ACL 2.0 check first.
 *
 * <p>Each refusal is logged at WARN with the request code, the peer and the access key, at most once a minute per
 * access key and peer ({@link RateLimitedLog}). Secrets and signatures are never logged.
 */
public final class AclPreprocessor implements RequestPreprocessor {

    static final long LOG_INTERVAL_MILLIS = 60_000;

    private static final Logger log = LoggerFactory.getLogger(AclPreprocessor.class);

    private final List<AccessCheck> checks;
    private final RateLimitedLog refusals;

    public AclPreprocessor(List<AccessCheck> checks, Clock clock) {
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("access control needs at least one check");
        }
        this.checks = List.copyOf(checks);
        this.refusals = new RateLimitedLog(log, LOG_INTERVAL_MILLIS, clock);
    }

    @Override
    public RemotingCommand preprocess(RequestContext context) {
        RemotingCommand request = context.request();
        String ip = ipOf(context.channel().remoteAddress());
        for (AccessCheck check : checks) {
            AccessCheck.Refusal refusal = check.check(request, ip);
            if (refusal != null) {
                String accessKey = RateLimitedLog.escape(request.optionalString(SessionCredentials.ACCESS_KEY));
                refusals.warn(accessKey + "@" + ip, "Refused request code {} from {} (access key {}): {}",
                        request.code(), context.remoteAddress(), accessKey, RateLimitedLog.escape(refusal.remark()));
                return RemotingCommand.createResponse(request, refusal.responseCode(), refusal.remark());
            }
        }
        return null;
    }

    private static String ipOf(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }
}
