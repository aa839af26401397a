package io.nimbusmq.broker.auth.acl2;

/**
 * A refusal or an invalid request of ACL 2.0, with RocketMQ 5.3's wording (its {@code AuthenticationException} and
 * {@code AuthorizationException}); answered with NO_PERMISSION (16) and the message as remark.
 */
public final class AuthException extends RuntimeException {

    public AuthException(String message) {
        super(message, null, false, false);
    }
}
