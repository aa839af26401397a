package io.nimbusmq.broker.standalone;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.nimbusmq.broker.BrokerConfig;
import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.broker.auth.AclPreprocessor;
import io.nimbusmq.broker.auth.plain.AclConfig;
import io.nimbusmq.broker.auth.plain.AclFileWatcher;
import io.nimbusmq.broker.auth.plain.PlainAccessControl;
import io.nimbusmq.namesrv.NameServer;
import io.nimbusmq.namesrv.StandaloneNameServer;
import io.nimbusmq.remoting.dispatch.RequestPreprocessor;
import io.nimbusmq.remoting.netty.RemotingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar mq-embedded-broker-standalone.jar [options]}: a single-node production broker (with its name server
 * on the same port unless {@code --namesrv-addr} is given), or a name server alone with {@code --mode namesrv}. Logs
 * one line with its address when ready; on SIGTERM stops accepting, answers held pulls, persists offsets and flushes
 * the store before exiting.
 */
public final class BrokerLauncher {

    static {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "nimbus-logback.xml");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(BrokerLauncher.class);
    private static final CountDownLatch STOPPED = new CountDownLatch(1);

    private BrokerLauncher() {
    }

    public static void main(String[] args) {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (Exception e) {
            System.err.println("nimbus-mq: " + e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        if (options.mode().equals("namesrv")) {
            runNameServer(options.broker(), started);
        } else {
            EmbeddedBroker broker = startBroker(options, started);
            Runtime.getRuntime().addShutdownHook(shutdownHook(broker::shutdown));
        }
        awaitShutdown();
    }

    /** The server threads are daemons: the main thread keeps the process alive until the shutdown hook has run. */
    private static void awaitShutdown() {
        try {
            STOPPED.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread shutdownHook(Runnable stop) {
        return new Thread(() -> {
            try {
                stop.run();
            } finally {
                STOPPED.countDown();
            }
        }, "nimbus-shutdown");
    }

    /** Starts the broker of {@code options} and logs the ready line; also the class-data sharing training run. */
    static EmbeddedBroker startBroker(LauncherOptions options, long startedNanos) {
        BrokerConfig advertised = withAdvertisedHost(options.broker());
        EmbeddedBroker broker = EmbeddedBroker.builder().console(options.console()).build(advertised);
        InetSocketAddress address = broker.start();
        log.info("Nimbus MQ broker '{}' ready at {}:{} in {} ms ({}; store {}; {})", advertised.brokerName(),
                advertised.advertisedHost(), address.getPort(), (System.nanoTime() - startedNanos) / 1_000_000,
                advertised.embeddedNameServer() ? "name server on the same port"
                        : "registered with " + advertised.nameServerAddresses(),
                advertised.storeDir().toAbsolutePath(), advertised.flushMode());
        return broker;
    }

    private static void runNameServer(BrokerConfig config, long startedNanos) {
        AclConfig acl = config.security().acl();
        AclFileWatcher aclWatcher = acl.enabled()
                ? new AclFileWatcher(acl.plainAclFile(), acl.reloadIntervalMillis()).start() : null;
        RequestPreprocessor preprocessor = aclWatcher == null ? RequestPreprocessor.NONE
                : new AclPreprocessor(List.of(new PlainAccessControl(aclWatcher::current)), Clock.systemUTC());
        StandaloneNameServer server = NameServer.standalone(RemotingConfig.defaults()
                .withBindHost(config.bindHost()).withPort(config.port()).withTls(config.security().tls()),
                preprocessor);
        InetSocketAddress address = server.start();
        Runtime.getRuntime().addShutdownHook(shutdownHook(() -> {
            server.close();
            if (aclWatcher != null) {
                aclWatcher.close();
            }
        }));
        log.info("Nimbus MQ name server ready at {}:{} in {} ms", address.getHostString(), address.getPort(),
                (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /** A wildcard bind address is no address to give clients: advertise this machine's address instead. */
    private static BrokerConfig withAdvertisedHost(BrokerConfig config) {
        if (config.advertisedHost() != null) {
            return config;
        }
        String host = config.bindHost();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            try {
                host = InetAddress.getLocalHost().getHostAddress();
            } catch (UnknownHostException e) {
                host = "127.0.0.1";
            }
        }
        return config.withAdvertisedHost(host);
    }
}
