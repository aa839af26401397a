package io.nimbusmq.broker.auth.plain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nimbusmq.broker.auth.AccessRule;
import io.nimbusmq.broker.auth.AclRules;
import io.nimbusmq.broker.auth.AclUser;
import io.nimbusmq.broker.auth.Action;
import io.nimbusmq.broker.auth.AddressPattern;
import io.nimbusmq.broker.auth.PolicyType;
import io.nimbusmq.broker.auth.Resource;
import io.nimbusmq.broker.auth.ResourcePattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads RocketMQ's ACL 1.0 file, {@code plain_acl.yml}, as existing deployments have it:
 *
 * <pre>
 * globalWhiteRemoteAddresses:      # requests from these addresses skip every check
 *   - 10.10.103.*
 * accounts:
 *   - accessKey: RocketMQ          # more than 6 characters
 *     secretKey: 12345678          # more than 6 characters
 *     whiteRemoteAddress:          # from these addresses, this access key needs no signature
 *     admin: false                 # admin request codes (create/delete topic, ...) need true
 *     defaultTopicPerm: DENY       # topics not listed below; missing means DENY
 *     defaultGroupPerm: SUB        # groups not listed below; missing means DENY
 *     topicPerms:                  # name=DENY|PUB|SUB|PUB|SUB
 *       - topicA=DENY
 *       - topicB=PUB|SUB
 *     groupPerms:
 *       - groupA=DENY
 *       - groupB=SUB
 * </pre>
 *
 * A listed topic or group is decided by its own entry only (so {@code topicB=PUB} refuses SUB on topicB whatever the
 * default says): listed names become custom rules for the literal name, the defaults {@link PolicyType#DEFAULT}
 * rules for every topic or group. {@code dataVersion} is ignored. An empty file means no accounts.
 *
 * <p>Stricter than RocketMQ where RocketMQ is silent: an unknown permission word, a malformed entry or address pattern
 * and a repeated access key make the whole file invalid ({@link IllegalArgumentException} naming the account), rather
 * than becoming DENY or being skipped.
 */
public final class PlainAclFile {

    /** RocketMQ refuses keys of 6 characters or fewer. */
    public static final int MIN_KEY_LENGTH = 7;

    private PlainAclFile() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not a valid ACL file; the message names the file and the account
     */
    public static AclRules read(Path file) throws IOException {
        return read(file, Files.readAllBytes(file));
    }

    /**
     * Reads {@code content}, the bytes of {@code file} (named in errors).
     *
     * @throws IllegalArgumentException when it is not a valid ACL file; the message names the file and the account
     */
    public static AclRules read(Path file, byte[] content) {
        Object root;
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static AclRules parse(Object root) {
        if (root == null) {
            return AclRules.EMPTY;
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a map with globalWhiteRemoteAddresses and accounts");
        }
        List<AddressPattern> global = new ArrayList<>();
        for (String pattern : strings(map.get("globalWhiteRemoteAddresses"), "globalWhiteRemoteAddresses")) {
            global.add(AddressPattern.parse(pattern));
        }
        List<AclUser> users = new ArrayList<>();
        Object accounts = map.get("accounts");
        if (accounts != null) {
            if (!(accounts instanceof List<?> list)) {
                throw new IllegalArgumentException("accounts must be a list");
            }
            for (int i = 0; i < list.size(); i++) {
                users.add(account(list.get(i), i));
            }
        }
        return new AclRules(global, AclRules.byAccessKey(users, "accounts"));
    }

    private static AclUser account(Object entry, int index) {
        if (!(entry instanceof Map<?, ?> account)) {
            throw new IllegalArgumentException("accounts[" + index + "] must be a map");
        }
        String accessKey = string(account.get("accessKey"));
        String where = "accounts[" + index + "] (accessKey " + accessKey + ")";
        try {
            String secretKey = string(account.get("secretKey"));
            if (accessKey == null || accessKey.length() < MIN_KEY_LENGTH || secretKey == null
                    || secretKey.length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("The accessKey=" + accessKey
                        + " and secretKey cannot be null and length should longer than 6");
            }
            List<AccessRule> rules = new ArrayList<>();
            addListed(rules, Resource.Kind.TOPIC, strings(account.get("topicPerms"), "topicPerms"));
            addListed(rules, Resource.Kind.GROUP, strings(account.get("groupPerms"), "groupPerms"));
            addRules(rules, ResourcePattern.any(Resource.Kind.TOPIC),
                    Permission.parse(string(account.get("defaultTopicPerm"))), PolicyType.DEFAULT);
            addRules(rules, ResourcePattern.any(Resource.Kind.GROUP),
                    Permission.parse(string(account.get("defaultGroupPerm"))), PolicyType.DEFAULT);
            String white = string(account.get("whiteRemoteAddress"));
            return new AclUser(accessKey, secretKey, Boolean.parseBoolean(string(account.get("admin"))), true,
                    white == null || white.isBlank() ? null : AddressPattern.parse(white), rules);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static void addListed(List<AccessRule> rules, Resource.Kind kind, List<String> entries) {
        for (String entry : entries) {
            String[] parts = entry.split("=");
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("'" + entry + "' is not name=PERM, e.g. topicA=SUB");
            }
            addRules(rules, ResourcePattern.literal(kind, parts[0].trim()), Permission.parse(parts[1]),
                    PolicyType.CUSTOM);
        }
    }

    /** One rule per action, so that a listed resource decides PUB and SUB by itself. */
    private static void addRules(List<AccessRule> rules, ResourcePattern resource, byte permission, PolicyType type) {
        rules.add(AccessRule.of(resource, Set.of(Action.PUB), Permission.grants(permission, Permission.PUB), type));
        rules.add(AccessRule.of(resource, Set.of(Action.SUB), Permission.grants(permission, Permission.SUB), type));
    }

    private static List<String> strings(Object value, String name) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(name + " must be a list");
        }
        return list.stream().filter(item -> item != null).map(String::valueOf).toList();
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
