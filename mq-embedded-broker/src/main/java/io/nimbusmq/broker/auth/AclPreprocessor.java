package io.nimbusmq.broker.auth;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;

import io.nimbusmq.remoting.RateLimitedLog;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestPreprocessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access control in the request path: every request to the broker (or name server) passes
 * {@link AccessControl#check} before its processor. A refused request never reaches its processor, so nothing is
 * stored or changed; the connection stays open for the next (correct) request.
 *
 * <p>Refusals are answered as RocketMQ answers them:
 * <ul>
 *   <li>users of {@code plain_acl.yml}, and requests with no or an unknown access key: SYSTEM_ERROR (1), remark
 *       {@code org.apache.rocketmq.acl.common.AclException: <reason>} (ACL 1.0);</li>
 *   <li>ACL 2.0 users: NO_PERMISSION (16), remark {@code <reason>}.</li>
 * </ul>
 * Each refusal is logged at WARN with the request code, the peer and the access key, at most once a minute per
 * access key and peer ({@link RateLimitedLog}). Secrets and signatures are never logged.
 */
public final class AclPreprocessor implements RequestPreprocessor {

    /** The remark prefix of ACL 1.0 refusals, as the official broker writes it. */
    public static final String ACL_EXCEPTION_PREFIX = "org.apache.rocketmq.acl.common.AclException: ";
    static final long LOG_INTERVAL_MILLIS = 60_000;

    private static final Logger log = LoggerFactory.getLogger(AclPreprocessor.class);

    private final AccessControl accessControl;
    private final RateLimitedLog refusals;

    public AclPreprocessor(AccessControl accessControl, Clock clock) {
        this.accessControl = accessControl;
        this.refusals = new RateLimitedLog(log, LOG_INTERVAL_MILLIS, clock);
    }

    @Override
    public RemotingCommand preprocess(RequestContext context) {
        RemotingCommand request = context.request();
        String ip = ipOf(context.channel().remoteAddress());
        AccessControl.Refusal refusal = accessControl.check(request, ip);
        if (refusal == null) {
            return null;
        }
        String accessKey = request.optionalString(SessionCredentials.ACCESS_KEY);
        refusals.warn(RateLimitedLog.escape(accessKey) + "@" + ip,
                "Refused request code {} from {} (access key {}): {}", request.code(), context.remoteAddress(),
                RateLimitedLog.escape(accessKey), RateLimitedLog.escape(refusal.message()));
        if (refusal.user() != null && refusal.user().source() == AclUser.Source.ACL_2) {
            return RemotingCommand.createResponse(request, ResponseCode.NO_PERMISSION, refusal.message());
        }
        return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                ACL_EXCEPTION_PREFIX + refusal.message());
    }

    private static String ipOf(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }
}
