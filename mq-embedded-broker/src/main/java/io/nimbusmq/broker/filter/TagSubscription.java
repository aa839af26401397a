package io.nimbusmq.broker.filter;

import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.Set;

import io.nimbusmq.message.MessageCodec;
import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageProperties;
import io.nimbusmq.store.read.MessageFilter;

/**
 * A TAG subscription ({@code *}, or {@code tagA || tagB}) as a store filter: the tag hash from the consume queue
 * selects candidates, then the stored TAGS property is compared exactly, since different tags can share a hash.
 */
public final class TagSubscription implements MessageFilter {

    public static final String SUB_ALL = "*";

    private final boolean all;
    private final Set<String> tags;
    private final Set<Integer> codes;

    private TagSubscription(boolean all, Set<String> tags, Set<Integer> codes) {
        this.all = all;
        this.tags = tags;
        this.codes = codes;
    }

    /** Parses a subscription expression the way the official client does. */
    public static TagSubscription parse(String expression) {
        if (expression == null || expression.isBlank() || SUB_ALL.equals(expression.trim())) {
            return new TagSubscription(true, Set.of(), Set.of());
        }
        Set<String> tags = new LinkedHashSet<>();
        Set<Integer> codes = new LinkedHashSet<>();
        for (String part : expression.split("\\|\\|")) {
            String tag = part.trim();
            if (!tag.isEmpty()) {
                tags.add(tag);
                codes.add(tag.hashCode());
            }
        }
        if (tags.isEmpty()) {
            return new TagSubscription(true, Set.of(), Set.of());
        }
        return new TagSubscription(false, Set.copyOf(tags), Set.copyOf(codes));
    }

    @Override
    public boolean matchesTagsCode(long tagsCode) {
        return all || codes.contains((int) tagsCode);
    }

    @Override
    public boolean matchesMessage(ByteBuffer storedMessage) {
        if (all) {
            return true;
        }
        String tag = MessageProperties.get(MessageCodec.decodeMeta(storedMessage, 0).properties(),
                MessageConst.TAGS);
        return tag != null && tags.contains(tag);
    }
}
