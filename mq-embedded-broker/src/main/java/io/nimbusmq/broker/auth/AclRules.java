package io.nimbusmq.broker.auth;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One immutable snapshot of the access-control data: the addresses that need no authentication at all
 * ({@code globalWhiteRemoteAddresses}) and the users by access key. Replaced whole on reload.
 *
 * @param globalWhiteRemoteAddresses requests from these addresses skip every check, signed or not
 * @param users                      by access key
 */
public record AclRules(List<AddressPattern> globalWhiteRemoteAddresses, Map<String, AclUser> users) {

    public static final AclRules EMPTY = new AclRules(List.of(), Map.of());

    public AclRules {
        globalWhiteRemoteAddresses = List.copyOf(globalWhiteRemoteAddresses);
        users = Map.copyOf(users);
    }

    /** Users by access key from {@code users}; a repeated key is an error. */
    public static Map<String, AclUser> byAccessKey(Collection<AclUser> users, String where) {
        Map<String, AclUser> map = new LinkedHashMap<>();
        for (AclUser user : users) {
            if (map.put(user.accessKey(), user) != null) {
                throw new IllegalArgumentException(where + ": the accessKey " + user.accessKey()
                        + " is defined twice");
            }
        }
        return map;
    }
}
