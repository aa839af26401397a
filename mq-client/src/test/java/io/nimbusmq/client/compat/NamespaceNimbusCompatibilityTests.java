package io.nimbusmq.client.compat;

import io.nimbusmq.client.NimbusBrokerExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link NamespaceInteropScenarios} on our broker. */
@Tag("compat")
class NamespaceNimbusCompatibilityTests extends NamespaceInteropScenarios {

    @RegisterExtension
    static final NimbusBrokerExtension broker = new NimbusBrokerExtension();

    @Override
    String nameServer() {
        return broker.address();
    }

    @Override
    String uniqueName(String prefix) {
        return NimbusBrokerExtension.uniqueName(prefix);
    }

    @Override
    <T extends AutoCloseable> T closeAfterTest(T closeable) {
        return broker.closeAfterTest(closeable);
    }
}
