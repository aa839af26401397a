package io.nimbusmq.remoting.protocol.body.auth;

/**
 * An ACL 2.0 user as RocketMQ 5.3 sends it (its {@code UserInfo}): the body of AUTH_CREATE_USER (3001) and
 * AUTH_UPDATE_USER (3002) requests, of the AUTH_GET_USER (3004) response, and a JSON array of these in the
 * AUTH_LIST_USER (3005) response. Every field may be absent ({@code null}).
 *
 * <pre>
 * {"password":"12345678","userStatus":"enable","userType":"Normal","username":"orders-service"}
 * </pre>
 *
 * @param username   the access key the user signs with
 * @param password   the secret key; RocketMQ returns it in AUTH_GET_USER and AUTH_LIST_USER answers, and so do we
 * @param userType   {@code Super} (everything allowed) or {@code Normal} (what the policies allow), any case
 * @param userStatus {@code enable} or {@code disable} (refused at authentication), any case
 */
public record UserInfo(String username, String password, String userType, String userStatus) {

    /** Never shows the password. */
    @Override
    public String toString() {
        return "UserInfo[username=" + username + ", password=" + (password == null ? null : "******")
                + ", userType=" + userType + ", userStatus=" + userStatus + "]";
    }
}
