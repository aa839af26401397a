package io.nimbusmq.broker.auth;

import java.util.Objects;

/**
 * Which resources a rule speaks about, in ACL 2.0's notation (RocketMQ 5.3's {@code Resource.of}):
 *
 * <pre>
 * | text            | kind   | match    | matches                          |
 * |-----------------|--------|----------|----------------------------------|
 * | *               | (any)  | ANY      | every topic, group and cluster   |
 * | Topic:*         | TOPIC  | ANY      | every topic                      |
 * | Topic:orders*   | TOPIC  | PREFIXED | topics starting with "orders"    |
 * | Topic:orders    | TOPIC  | LITERAL  | the topic "orders"               |
 * </pre>
 * likewise {@code Group:} and {@code Cluster:} (type names in any case). ACL 1.0's listed topics and groups are
 * literal names, its defaults {@code Topic:*} and {@code Group:*}.
 *
 * @param kind  the kind of resource, {@code null} for every kind ({@code *})
 * @param name  the literal name or the prefix; {@code null} for {@link Match#ANY}
 * @param match how {@code name} is compared
 */
public record ResourcePattern(Resource.Kind kind, String name, Match match) {

    /** How a pattern's name is compared. */
    public enum Match { LITERAL, PREFIXED, ANY }

    /** Every resource of every kind: {@code *}. */
    public static final ResourcePattern EVERYTHING = new ResourcePattern(null, null, Match.ANY);

    public ResourcePattern {
        Objects.requireNonNull(match, "match");
        if (match != Match.ANY && (name == null || name.isEmpty())) {
            throw new IllegalArgumentException("a " + match + " resource pattern needs a name");
        }
        if (kind == null && match != Match.ANY) {
            throw new IllegalArgumentException("only * may match resources of every kind");
        }
    }

    public static ResourcePattern literal(Resource.Kind kind, String name) {
        return new ResourcePattern(kind, name, Match.LITERAL);
    }

    /** Every resource of {@code kind}: {@code Topic:*}. */
    public static ResourcePattern any(Resource.Kind kind) {
        return new ResourcePattern(kind, null, Match.ANY);
    }

    /**
     * Parses {@code *}, {@code Topic:*}, {@code Topic:orders*} or {@code Topic:orders}.
     *
     * @throws IllegalArgumentException naming the text when the kind is not Topic, Group or Cluster, or no name follows
     */
    public static ResourcePattern parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equals("*")) {
            return EVERYTHING;
        }
        int colon = trimmed.indexOf(':');
        Resource.Kind kind = colon < 0 ? null : Resource.Kind.byName(trimmed.substring(0, colon));
        String name = colon < 0 ? "" : trimmed.substring(colon + 1);
        if (kind == null || name.isEmpty()) {
            throw new IllegalArgumentException("invalid resource '" + text
                    + "'; expected *, Topic:<name>, Topic:<prefix>*, Topic:*, or the same with Group or Cluster");
        }
        if (name.equals("*")) {
            return any(kind);
        }
        if (name.endsWith("*")) {
            return new ResourcePattern(kind, name.substring(0, name.length() - 1), Match.PREFIXED);
        }
        return literal(kind, name);
    }

    /** Whether {@code resource} is one this pattern speaks about. */
    public boolean matches(Resource resource) {
        if (kind == null) {
            return true;
        }
        if (kind != resource.kind()) {
            return false;
        }
        return switch (match) {
            case ANY -> true;
            case LITERAL -> resource.name().equals(name);
            case PREFIXED -> resource.name().startsWith(name);
        };
    }

    /**
     * How specific the pattern is; among the rules that apply, the most specific decides: a literal name, then a
     * longer prefix before a shorter one, then {@code Topic:*}, then {@code *} (RocketMQ's order, as fixed after 5.3.1
     * by apache/rocketmq#9539; 5.3.1 itself let the shorter prefix win).
     */
    public int specificity() {
        if (kind == null) {
            return 0;
        }
        return switch (match) {
            case ANY -> 1;
            case PREFIXED -> 2 + name.length();
            case LITERAL -> Integer.MAX_VALUE;
        };
    }

    /** The text form, e.g. {@code Topic:orders*}. */
    @Override
    public String toString() {
        if (kind == null) {
            return "*";
        }
        return kind.wireName() + ":" + switch (match) {
            case ANY -> "*";
            case PREFIXED -> name + "*";
            case LITERAL -> name;
        };
    }
}
