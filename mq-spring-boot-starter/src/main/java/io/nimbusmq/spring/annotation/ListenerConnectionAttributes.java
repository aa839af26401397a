package io.nimbusmq.spring.annotation;

import java.util.function.UnaryOperator;

import io.nimbusmq.spring.listener.ListenerConnectionSettings;

/**
 * Resolves the connection attributes of a {@link MessageListener} ({@code connection}, {@code namespace},
 * {@code consumeFromWhere}, {@code consumeTimestamp}; placeholders as every string attribute), failing with the
 * listener and the value.
 */
final class ListenerConnectionAttributes {

    private ListenerConnectionAttributes() {
    }

    static ListenerConnectionSettings resolve(MessageListener annotation, String listener,
            UnaryOperator<String> resolver) {
        String prefix = "@MessageListener(" + listener + ").";
        return new ListenerConnectionSettings(resolver.apply(annotation.connection()),
                ListenerConnectionSettings.parseNamespace(prefix + "namespace",
                        resolver.apply(annotation.namespace())),
                ListenerConnectionSettings.parseConsumeFromWhere(prefix + "consumeFromWhere",
                        resolver.apply(annotation.consumeFromWhere())),
                ListenerConnectionSettings.parseTimestamp(prefix + "consumeTimestamp",
                        resolver.apply(annotation.consumeTimestamp())));
    }
}
