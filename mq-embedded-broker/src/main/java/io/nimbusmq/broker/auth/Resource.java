package io.nimbusmq.broker.auth;

import java.util.Locale;
import java.util.Objects;

/**
 * What a request touches: a topic, a consumer/producer group, or the cluster (ACL 2.0 admin requests).
 *
 * @param kind TOPIC, GROUP or CLUSTER
 * @param name the topic, group or cluster name as sent
 */
public record Resource(Kind kind, String name) {

    /** The kinds of resource, named in ACL 2.0 as {@code Topic}, {@code Group}, {@code Cluster}. */
    public enum Kind {
        TOPIC("Topic"), GROUP("Group"), CLUSTER("Cluster");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** The kind named {@code name} in any case, or {@code null}. */
        static Kind byName(String name) {
            for (Kind kind : values()) {
                if (kind.wireName.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            return null;
        }
    }

    public Resource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static Resource topic(String name) {
        return new Resource(Kind.TOPIC, name);
    }

    public static Resource group(String name) {
        return new Resource(Kind.GROUP, name);
    }

    public static Resource cluster(String name) {
        return new Resource(Kind.CLUSTER, name);
    }

    /** {@code Topic:<name>}, {@code Group:<name>}, {@code Cluster:<name>}: ACL 2.0's resource key. */
    public String key() {
        return kind.wireName + ":" + name;
    }

    /** {@code topic:<name>} or {@code group:<name>}, as ACL 1.0's refusal messages print it. */
    @Override
    public String toString() {
        return kind.wireName.toLowerCase(Locale.ROOT) + ":" + name;
    }
}
