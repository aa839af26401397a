package io.nimbusmq.client.compat;

import io.nimbusmq.testkit.ApacheRocketMq;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link NamespaceInteropScenarios} on Apache RocketMQ 5.3.1 in-process. */
@Tag("compat")
class NamespaceApacheCompatibilityTests extends NamespaceInteropScenarios {

    @RegisterExtension
    static final ApacheRocketMq rocketmq = new ApacheRocketMq();

    @Override
    String nameServer() {
        return rocketmq.nameServerAddress();
    }

    @Override
    String uniqueName(String prefix) {
        return ApacheRocketMq.uniqueName(prefix);
    }

    @Override
    <T extends AutoCloseable> T closeAfterTest(T closeable) {
        return rocketmq.closeAfterTest(closeable);
    }
}
