package io.nimbusmq.spring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.remoting.protocol.body.TopicConfig;

/**
 * The embedded broker started by the auto-configuration: started on construction, stopped (and its temporary store
 * deleted) when the context closes.
 */
public final class DevBroker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DevBroker.class);

    private final EmbeddedBroker broker;
    private final Path temporaryStore;

    DevBroker(EmbeddedBroker.Builder builder, Path configuredStore, List<String> topics) {
        this.temporaryStore = configuredStore == null ? createTemporaryStore() : null;
        this.broker = builder.storeDir(configuredStore != null ? configuredStore : temporaryStore).build();
        broker.start();
        topics.forEach(topic -> broker.runtime().topics().createOrUpdate(
                TopicConfig.of(topic, TopicConfig.DEFAULT_QUEUE_NUMS)));
        log.warn("Started an EMBEDDED Nimbus MQ broker for development at {} (store {}, {}). It is not for "
                + "production: set mq.name-server to use a real broker.", broker.address(), broker.config().storeDir(),
                broker.config().flushMode());
    }

    /**
     * The web console's address, {@code http://host:port/} (logged by the console when it starts), unless
     * {@code mq.embedded.console.enabled=false}.
     */
    public Optional<String> consoleUrl() {
        return broker.consoleUrl();
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public String address() {
        return broker.address();
    }

    @Override
    public void destroy() {
        broker.shutdown();
        if (temporaryStore != null) {
            deleteRecursively(temporaryStore);
        }
        log.info("Embedded Nimbus MQ broker stopped");
    }

    private static Path createTemporaryStore() {
        try {
            return Files.createTempDirectory("nimbus-mq-dev-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded broker's store directory", e);
        }
    }

    static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.debug("could not delete {}", root, e);
        }
    }
}
