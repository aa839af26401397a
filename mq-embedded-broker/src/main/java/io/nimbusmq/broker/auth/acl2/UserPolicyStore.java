package io.nimbusmq.broker.auth.acl2;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.nimbusmq.broker.auth.AccessRule;
import io.nimbusmq.broker.auth.AclRules;
import io.nimbusmq.broker.auth.AclUser;
import io.nimbusmq.broker.auth.PolicyType;
import io.nimbusmq.broker.auth.ResourcePattern;
import io.nimbusmq.broker.internal.JsonFiles;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo;
import io.nimbusmq.remoting.protocol.body.auth.UserInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ACL 2.0's users and their policies, kept by the broker in its config directory and changed at runtime by the
 * AUTH_* admin requests (what {@code mqadmin createUser ... deleteAcl} send). Two files in RocketMQ's own body
 * format, each replaced atomically on every change:
 *
 * <pre>
 * config/acl/users.json     {"users":[{"password":"...","userStatus":"enable","userType":"Super","username":"admin"}]}
 * config/acl/policies.json  {"acls":[{"policies":[{"entries":[{"actions":["Pub"],"decision":"Allow",
 *                                       "resource":"Topic:orders"}],"policyType":"Custom"}],"subject":"User:app"}]}
 * </pre>
 * Passwords are kept as given (RocketMQ keeps them so too: the signature needs them), so the directory is created
 * readable by its owner only. A user removed while its policies were being rewritten leaves policies of an unknown
 * user behind; they are dropped with a warning at the next start.
 *
 * <p>Changes are serialized (one at a time, under this object's lock); readers see {@link #current()}, an immutable
 * snapshot replaced after each change, as the access control does for every request.
 */
public final class UserPolicyStore {

    private static final Logger log = LoggerFactory.getLogger(UserPolicyStore.class);

    /** {@code users.json}'s shape. */
    record UsersFile(List<UserInfo> users) {
    }

    /** {@code policies.json}'s shape. */
    record PoliciesFile(List<AclInfo> acls) {
    }

    private final Path usersFile;
    private final Path policiesFile;
    private final Map<String, AclUser> users = new TreeMap<>();
    private volatile AclRules current = AclRules.EMPTY;

    private UserPolicyStore(Path dir) {
        this.usersFile = dir.resolve("users.json");
        this.policiesFile = dir.resolve("policies.json");
    }

    /**
     * Reads the store in {@code dir} (empty when the files do not exist yet) and creates {@code initUser} as a super
     * user unless a user of that name exists (RocketMQ's {@code initAuthenticationUser}).
     *
     * @param initUser {@code null} for none
     * @throws IllegalArgumentException when a file is not a valid store, naming the file and the entry
     */
    public static UserPolicyStore open(Path dir, SessionCredentials initUser) throws IOException {
        createPrivateDirectory(dir);
        UserPolicyStore store = new UserPolicyStore(dir);
        store.load();
        if (initUser != null && !store.users.containsKey(initUser.accessKey())) {
            store.createUser(new AclUser(initUser.accessKey(), initUser.secretKey(), true, true, null, List.of()));
            log.info("Created the initial ACL 2.0 super user {}", initUser.accessKey());
        }
        return store;
    }

    /** The users and their rules now; replaced whole on every change. */
    public AclRules current() {
        return current;
    }

    /** The user named {@code username}, or {@code null}. */
    public AclUser user(String username) {
        return current.users().get(username);
    }

    /** Every user, by name. */
    public List<AclUser> users() {
        return current.users().values().stream().sorted(Comparator.comparing(AclUser::accessKey)).toList();
    }

    /** @throws AuthException "The user is existed" */
    public synchronized void createUser(AclUser user) throws IOException {
        if (users.containsKey(user.accessKey())) {
            throw new AuthException("The user is existed");
        }
        apply(user.accessKey(), user, true, false);
    }

    /** @throws AuthException "The user is not exist" */
    public synchronized void updateUser(String username, UnaryOperator<AclUser> change) throws IOException {
        AclUser old = users.get(username);
        if (old == null) {
            throw new AuthException("The user is not exist");
        }
        apply(username, Objects.requireNonNull(change.apply(old)), true, false);
    }

    /** Removes the user and its policies; nothing happens when there is no such user. */
    public synchronized void deleteUser(String username) throws IOException {
        if (users.containsKey(username)) {
            apply(username, null, true, true);
        }
    }

    /**
     * Adds {@code rules} to the user's: a rule for the same policy type and resource as an existing one replaces it
     * (its actions, addresses and decision), others are added (RocketMQ's createAcl and updateAcl alike).
     *
     * @throws AuthException "The subject of User:&lt;name&gt; is not exist."
     */
    public synchronized void mergeRules(String username, List<AccessRule> rules) throws IOException {
        AclUser user = users.get(username);
        if (user == null) {
            throw new AuthException("The subject of " + AuthBodies.subject(username) + " is not exist.");
        }
        List<AccessRule> merged = new ArrayList<>(user.rules());
        for (AccessRule rule : rules) {
            int same = indexOf(merged, rule.policyType(), rule.resource());
            if (same >= 0) {
                merged.set(same, rule);
            } else {
                merged.add(rule);
            }
        }
        apply(username, user.withRules(merged), false, true);
    }

    /**
     * Removes the user's rule of {@code type} for {@code resource}, or every rule of the user when
     * {@code resource} is {@code null}.
     *
     * @throws AuthException "The subject is not exist." or "The acl is not exist."
     */
    public synchronized void deleteRules(String username, PolicyType type, ResourcePattern resource)
            throws IOException {
        AclUser user = users.get(username);
        if (user == null) {
            throw new AuthException("The subject is not exist.");
        }
        if (user.rules().isEmpty()) {
            throw new AuthException("The acl is not exist.");
        }
        List<AccessRule> remaining = new ArrayList<>(user.rules());
        if (resource == null) {
            remaining.clear();
        } else {
            int index = indexOf(remaining, type, resource);
            if (index >= 0) {
                remaining.remove(index);
            }
        }
        apply(username, user.withRules(remaining), false, true);
    }

    private static int indexOf(List<AccessRule> rules, PolicyType type, ResourcePattern resource) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).policyType() == type && rules.get(i).resource().equals(resource)) {
                return i;
            }
        }
        return -1;
    }

    private void load() throws IOException {
        UsersFile storedUsers = read(usersFile, UsersFile.class);
        for (UserInfo info : storedUsers == null || storedUsers.users() == null ? List.<UserInfo>of()
                : storedUsers.users()) {
            AclUser user = valid(usersFile, String.valueOf(info.username()), () -> AuthBodies.newUser(info));
            if (users.put(user.accessKey(), user) != null) {
                throw new IllegalArgumentException(usersFile + ": the user " + user.accessKey() + " is defined twice");
            }
        }
        PoliciesFile storedPolicies = read(policiesFile, PoliciesFile.class);
        for (AclInfo acl : storedPolicies == null || storedPolicies.acls() == null ? List.<AclInfo>of()
                : storedPolicies.acls()) {
            String username = valid(policiesFile, String.valueOf(acl.subject()),
                    () -> AuthBodies.username(acl.subject()));
            AclUser user = users.get(username);
            if (user == null) {
                log.warn("{}: dropping the policies of {}, which is no user (removed while they were saved?)",
                        policiesFile, acl.subject());
                continue;
            }
            users.put(username, user.withRules(valid(policiesFile, acl.subject(), () -> AuthBodies.rules(acl))));
        }
        publish();
        log.info("ACL 2.0: {} user(s) from {}", users.size(), usersFile.getParent().toAbsolutePath());
    }

    private static <T> T read(Path file, Class<T> type) throws IOException {
        try {
            return JsonFiles.read(file, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T valid(Path file, String entry, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (AuthException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + entry + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets (or with {@code null} removes) one user, writes the files that changed (the policies first: a crash in
     * between leaves a user with fewer rights, never policies without their user's removal) and publishes the new
     * snapshot; a write failure restores the previous state in memory and is rethrown.
     */
    private void apply(String username, AclUser value, boolean usersChanged, boolean policiesChanged)
            throws IOException {
        AclUser previous = value == null ? users.remove(username) : users.put(username, value);
        try {
            if (policiesChanged) {
                JsonFiles.write(policiesFile, new PoliciesFile(users.values().stream()
                        .map(user -> AuthBodies.aclInfo(user, resource -> true)).filter(Objects::nonNull).toList()));
            }
            if (usersChanged) {
                JsonFiles.write(usersFile, new UsersFile(users.values().stream().map(AuthBodies::userInfo).toList()));
            }
        } catch (IOException | RuntimeException e) {
            if (previous == null) {
                users.remove(username);
            } else {
                users.put(username, previous);
            }
            throw e;
        }
        publish();
    }

    private void publish() {
        current = new AclRules(List.of(), users);
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }
}
