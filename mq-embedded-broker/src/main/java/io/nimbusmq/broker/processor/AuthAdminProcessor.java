package io.nimbusmq.broker.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import io.nimbusmq.broker.auth.AclUser;
import io.nimbusmq.broker.auth.PolicyType;
import io.nimbusmq.broker.auth.ResourcePattern;
import io.nimbusmq.broker.auth.acl2.AuthBodies;
import io.nimbusmq.broker.auth.acl2.AuthException;
import io.nimbusmq.broker.auth.acl2.UserPolicyStore;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo;
import io.nimbusmq.remoting.protocol.body.auth.UserInfo;
import io.nimbusmq.remoting.protocol.header.AclRequestHeader;
import io.nimbusmq.remoting.protocol.header.DeleteAclRequestHeader;
import io.nimbusmq.remoting.protocol.header.ListAclsRequestHeader;
import io.nimbusmq.remoting.protocol.header.ListUsersRequestHeader;
import io.nimbusmq.remoting.protocol.header.UserRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ACL 2.0 administration, what {@code mqadmin createUser/updateUser/deleteUser/getUser/listUser} and
 * {@code createAcl/updateAcl/deleteAcl/getAcl/listAcl} send: AUTH_CREATE_USER (3001) to AUTH_LIST_ACL (3010), on
 * the {@link UserPolicyStore}. Answers as RocketMQ 5.3's {@code AdminBrokerProcessor} does: SUCCESS, with a
 * {@link UserInfo} / {@link AclInfo} JSON body (or a JSON array of them) for the reads, no body when nothing is found;
 * NO_PERMISSION with RocketMQ's message for what its managers refuse ("The user is existed", "The subject of User:x is
 * not exist.", an invalid policy, ...); SYSTEM_ERROR for a blank user name, a missing body, or a super user created or
 * changed by someone who is not one.
 *
 * <p>Where this differs from RocketMQ 5.3.1: an update changes the user (5.3.1 rewrites the old values, fixed later
 * upstream); a deleteAcl naming an unreadable resource is refused (5.3.1 then deletes every policy of the subject).
 */
public final class AuthAdminProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(AuthAdminProcessor.class);

    private final UserPolicyStore store;

    public AuthAdminProcessor(UserPolicyStore store) {
        this.store = store;
    }

    public static int[] requestCodes() {
        return new int[] {RequestCode.AUTH_CREATE_USER, RequestCode.AUTH_UPDATE_USER, RequestCode.AUTH_DELETE_USER,
            RequestCode.AUTH_GET_USER, RequestCode.AUTH_LIST_USER, RequestCode.AUTH_CREATE_ACL,
            RequestCode.AUTH_UPDATE_ACL, RequestCode.AUTH_DELETE_ACL, RequestCode.AUTH_GET_ACL,
            RequestCode.AUTH_LIST_ACL};
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        try {
            return switch (request.code()) {
                case RequestCode.AUTH_CREATE_USER, RequestCode.AUTH_UPDATE_USER -> saveUser(request);
                case RequestCode.AUTH_DELETE_USER -> deleteUser(request);
                case RequestCode.AUTH_GET_USER -> getUser(request);
                case RequestCode.AUTH_LIST_USER -> listUsers(request);
                case RequestCode.AUTH_CREATE_ACL, RequestCode.AUTH_UPDATE_ACL -> saveAcl(request);
                case RequestCode.AUTH_DELETE_ACL -> deleteAcl(request);
                case RequestCode.AUTH_GET_ACL -> getAcl(request);
                default -> listAcls(request);
            };
        } catch (AuthException e) {
            return RemotingCommand.createResponse(request, ResponseCode.NO_PERMISSION, e.getMessage());
        } catch (IllegalArgumentException e) {
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, e.getMessage());
        } catch (IOException e) {
            log.error("Could not save the ACL 2.0 users and policies: {}", e.toString());
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR,
                    "An system error occurred, please try again later.");
        }
    }

    private RemotingCommand saveUser(RemotingCommand request) throws IOException {
        boolean create = request.code() == RequestCode.AUTH_CREATE_USER;
        String username = UserRequestHeader.readFrom(request).username();
        if (username == null || username.isBlank()) {
            return error(request, "The username is blank");
        }
        UserInfo sent = RemotingJson.decode(request.body(), UserInfo.class);
        UserInfo info = new UserInfo(username, sent.password(), sent.userType(), sent.userStatus());
        String verb = create ? "create" : "update";
        if (AuthBodies.asksForSuperUser(info) && !sentBySuperUser(request)) {
            return error(request, "The super user can only be " + verb + " by super user");
        }
        if (create) {
            store.createUser(AuthBodies.newUser(info));
        } else {
            AclUser old = store.user(username);
            if (old == null) {
                throw new AuthException("The user is not exist");
            }
            if (old.admin() && !sentBySuperUser(request)) {
                throw new AuthException("The super user can only be update by super user");
            }
            store.updateUser(username, user -> AuthBodies.updated(user, info));
        }
        return success(request, null);
    }

    private RemotingCommand deleteUser(RemotingCommand request) throws IOException {
        String username = UserRequestHeader.readFrom(request).username();
        if (username == null || username.isBlank()) {
            throw new AuthException("username can not be blank");
        }
        AclUser user = store.user(username);
        if (user != null && user.admin() && !sentBySuperUser(request)) {
            throw new AuthException("The super user can only be update by super user");
        }
        store.deleteUser(username);
        return success(request, null);
    }

    private RemotingCommand getUser(RemotingCommand request) {
        String username = UserRequestHeader.readFrom(request).username();
        if (username == null || username.isBlank()) {
            return error(request, "The username is blank");
        }
        AclUser user = store.user(username);
        return success(request, user == null ? null : AuthBodies.userInfo(user));
    }

    private RemotingCommand listUsers(RemotingCommand request) {
        String filter = ListUsersRequestHeader.readFrom(request).filter();
        List<UserInfo> users = store.users().stream()
                .filter(user -> filter == null || filter.isBlank() || user.accessKey().contains(filter))
                .map(AuthBodies::userInfo).toList();
        return success(request, users.isEmpty() ? null : users);
    }

    private RemotingCommand saveAcl(RemotingCommand request) throws IOException {
        AclInfo info = request.body() == null || request.body().length == 0 ? null
                : RemotingJson.decode(request.body(), AclInfo.class);
        if (info == null || info.policies() == null || info.policies().isEmpty()) {
            return error(request, "The body of acl is null");
        }
        String subject = info.subject() != null ? info.subject() : AclRequestHeader.readFrom(request).subject();
        store.mergeRules(AuthBodies.username(subject), AuthBodies.rules(info));
        return success(request, null);
    }

    private RemotingCommand deleteAcl(RemotingCommand request) throws IOException {
        DeleteAclRequestHeader header = DeleteAclRequestHeader.readFrom(request);
        String username = AuthBodies.username(header.subject());
        PolicyType type;
        ResourcePattern resource;
        try {
            type = PolicyType.parse(header.policyType());
            resource = header.resource() == null || header.resource().isBlank() ? null
                    : ResourcePattern.parse(header.resource());
        } catch (IllegalArgumentException e) {
            throw new AuthException(e.getMessage());
        }
        store.deleteRules(username, type, resource);
        return success(request, null);
    }

    private RemotingCommand getAcl(RemotingCommand request) {
        AclUser user = store.user(AuthBodies.username(AclRequestHeader.readFrom(request).subject()));
        if (user == null) {
            throw new AuthException("The subject is not exist.");
        }
        return success(request, AuthBodies.aclInfo(user, resource -> true));
    }

    /**
     * Subjects containing the subject filter; of each, the entries whose resource contains the resource filter (all
     * of them when the subject itself contains it, as RocketMQ filters); subjects left without entries are omitted.
     */
    private RemotingCommand listAcls(RemotingCommand request) {
        ListAclsRequestHeader header = ListAclsRequestHeader.readFrom(request);
        List<AclInfo> acls = new ArrayList<>();
        for (AclUser user : store.users()) {
            String subject = AuthBodies.subject(user.accessKey());
            if (isSet(header.subjectFilter()) && !subject.contains(header.subjectFilter())) {
                continue;
            }
            Predicate<String> entries = !isSet(header.resourceFilter()) || subject.contains(header.resourceFilter())
                    ? resource -> true : resource -> resource.contains(header.resourceFilter());
            acls.add(AuthBodies.aclInfo(user, entries));
        }
        acls.removeIf(Objects::isNull);
        return success(request, acls.isEmpty() ? null : acls);
    }

    /** Whether the request was signed as a super user; unsigned requests count as such (authentication is off). */
    private boolean sentBySuperUser(RemotingCommand request) {
        String accessKey = request.optionalString(SessionCredentials.ACCESS_KEY);
        if (accessKey == null || accessKey.isEmpty()) {
            return true;
        }
        AclUser user = store.user(accessKey);
        return user != null && user.admin();
    }

    private static boolean isSet(String filter) {
        return filter != null && !filter.isBlank();
    }

    private static RemotingCommand success(RemotingCommand request, Object body) {
        RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
        return body == null ? response : response.setBody(RemotingJson.encode(body));
    }

    private static RemotingCommand error(RemotingCommand request, String remark) {
        return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, remark);
    }
}
