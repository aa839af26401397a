package io.nimbusmq.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * What {@link ApacheRocketMq} and {@link ApacheRocketMqCluster} share: port picking on 127.0.0.1, the name server, and
 * the small broker and store settings that let an Apache broker run in a test JVM (see {@link ApacheRocketMq} for why
 * each one is there).
 */
final class InProcessApache {

    static {
        // before any RocketMQ class loads: otherwise a broker registers with version 0 and the name server drops its
        // topics
        System.setProperty("rocketmq.remoting.version", "475");
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    private InProcessApache() {
    }

    /** Loads this class, and so sets the system properties above, before the caller touches RocketMQ. */
    static void prepareJvm() {
        // the static initializer does the work
    }

    /** A 5.2.0 name server on {@code 127.0.0.1:port}, its files under {@code home/namesrv}; started. */
    static NamesrvController startNameServer(Path home, int port) {
        NamesrvConfig config = new NamesrvConfig();
        config.setRocketmqHome(home.toString());
        config.setKvConfigPath(home.resolve("namesrv").resolve("kvConfig.json").toString());
        config.setConfigStorePath(home.resolve("namesrv").resolve("namesrv.properties").toString());
        NamesrvController nameServer = new NamesrvController(config, loopback(port), new NettyClientConfig());
        if (!nameServer.initialize()) {
            throw new IllegalStateException("Apache name server did not initialize");
        }
        try {
            nameServer.start();
        } catch (Exception e) {
            throw new IllegalStateException("Apache name server did not start", e);
        }
        return nameServer;
    }

    /**
     * Broker settings for tests: 127.0.0.1, SQL92 filtering, transaction check-back every second for half messages
     * older than one second (op messages batched every 100 ms), no fast failure of requests that waited in the
     * broker's queues.
     */
    static BrokerConfig brokerConfig(Path home, String cluster, String brokerName, String nameServerAddress) {
        BrokerConfig config = new BrokerConfig();
        config.setRocketmqHome(home.toString());
        config.setBrokerName(brokerName);
        config.setBrokerClusterName(cluster);
        config.setBrokerIP1("127.0.0.1");
        config.setNamesrvAddr(nameServerAddress);
        config.setEnablePropertyFilter(true);
        config.setTransactionCheckInterval(1_000);
        config.setTransactionTimeOut(1_000);
        // commits and rollbacks are recorded as op messages written in batches, every 3 s by default: longer than
        // the 1 s timeout above, which would check back transactions that already ended
        config.setTransactionOpBatchInterval(100);
        // on a loaded test machine a send may wait more than 200 ms in the broker's queue; Apache then answers
        // SYSTEM_BUSY ("[TIMEOUT_CLEAN_QUEUE]broker busy"), which an orderly send does not retry
        config.setBrokerFastFailureEnable(false);
        return config;
    }

    /** A small store under {@code storeRoot}: 64 MiB commit-log segments, short delay levels, its own HA port. */
    static MessageStoreConfig storeConfig(Path storeRoot) throws IOException {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(storeRoot.toString());
        config.setStorePathCommitLog(storeRoot.resolve("commitlog").toString());
        config.setMappedFileSizeCommitLog(64 * 1024 * 1024);
        config.setMappedFileSizeConsumeQueue(30_000 * 20);
        config.setHaListenPort(freePort());
        config.setMessageDelayLevel(ApacheRocketMq.DELAY_LEVELS);
        return config;
    }

    /** Server settings bound to {@code 127.0.0.1:port}. */
    static NettyServerConfig loopback(int port) {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(port);
        return config;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /** A port p with p - 2 (the broker's VIP channel) free as well. */
    static int freeBrokerPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (port > 1026 && isFree(port - 2)) {
                return port;
            }
        }
        throw new IllegalStateException("no free broker port pair found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
