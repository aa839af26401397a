package io.nimbusmq.benchmark.apache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.netty.NettySystemConfig;
import org.apache.rocketmq.store.config.FlushDiskType;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * Apache RocketMQ for the side-by-side benchmark: its name server and broker in this one JVM, like our standalone
 * broker with its embedded name server, started on Apache's own classpath (mq-benchmark/classpaths/apache-rocketmq).
 * Settings are Apache's defaults (those of the shipped {@code broker.conf}: cluster DefaultCluster, broker-a, ASYNC_MASTER)
 * except the ports, the store directory, the flush mode, the commit log segment size and no topic auto-creation, and
 * what {@code BrokerStartup} itself sets (128 KiB socket buffers, HA port).
 *
 * <pre>
 * --namesrv-port N --broker-port N --ha-port N --store-dir DIR --flush-mode ASYNC_FLUSH|SYNC_FLUSH --commitlog-mib N
 * </pre>
 *
 * <p>Prints {@code APACHE-ROCKETMQ-STARTED} when both are up; SIGTERM shuts the broker and then the name server down.
 */
public final class ApacheRocketMqMain {

    private ApacheRocketMqMain() {
    }

    public static void main(String[] args) throws Exception {
        // the broker 5.3.1 and the name server 5.2.0 announce one remoting version (V5_3_1)
        System.setProperty("rocketmq.remoting.version", "475");
        Map<String, String> options = parse(args);
        int namesrvPort = Integer.parseInt(required(options, "namesrv-port"));
        int brokerPort = Integer.parseInt(required(options, "broker-port"));
        int haPort = Integer.parseInt(required(options, "ha-port"));
        Path storeDir = Path.of(required(options, "store-dir")).toAbsolutePath();
        FlushDiskType flush = FlushDiskType.valueOf(options.getOrDefault("flush-mode", "ASYNC_FLUSH"));
        int commitLogMiB = Integer.parseInt(options.getOrDefault("commitlog-mib", "128"));
        Files.createDirectories(storeDir);
        if (System.getProperty(NettySystemConfig.COM_ROCKETMQ_REMOTING_SOCKET_SNDBUF_SIZE) == null) {
            NettySystemConfig.socketSndbufSize = 131072;
        }
        if (System.getProperty(NettySystemConfig.COM_ROCKETMQ_REMOTING_SOCKET_RCVBUF_SIZE) == null) {
            NettySystemConfig.socketRcvbufSize = 131072;
        }

        NamesrvController namesrv = startNameServer(namesrvPort, storeDir);
        BrokerController broker = startBroker(namesrvPort, brokerPort, haPort, storeDir, flush, commitLogMiB);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.shutdown();
                namesrv.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "apache-rocketmq-shutdown"));
        System.out.println("APACHE-ROCKETMQ-STARTED name server 127.0.0.1:" + namesrvPort + ", broker "
                + broker.getBrokerAddr() + ", " + flush + ", store " + storeDir);
        stopped.await();
    }

    private static NamesrvController startNameServer(int port, Path storeDir) throws Exception {
        NamesrvConfig config = new NamesrvConfig();
        config.setRocketmqHome(storeDir.toString());
        config.setKvConfigPath(storeDir.resolve("namesrv/kvConfig.json").toString());
        config.setConfigStorePath(storeDir.resolve("namesrv/namesrv.properties").toString());
        NettyServerConfig server = new NettyServerConfig();
        server.setBindAddress("127.0.0.1");
        server.setListenPort(port);
        NamesrvController controller = new NamesrvController(config, server, new NettyClientConfig());
        if (!controller.initialize()) {
            throw new IllegalStateException("Apache RocketMQ name server did not initialize");
        }
        controller.start();
        return controller;
    }

    private static BrokerController startBroker(int namesrvPort, int port, int haPort, Path storeDir,
            FlushDiskType flush, int commitLogMiB) throws Exception {
        BrokerConfig config = new BrokerConfig();
        config.setRocketmqHome(storeDir.toString());
        config.setBrokerClusterName("DefaultCluster");
        config.setBrokerName("broker-a");
        config.setBrokerIP1("127.0.0.1");
        config.setNamesrvAddr("127.0.0.1:" + namesrvPort);
        config.setAutoCreateTopicEnable(false);
        NettyServerConfig server = new NettyServerConfig();
        server.setBindAddress("127.0.0.1");
        server.setListenPort(port);
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(storeDir.toString());
        store.setStorePathCommitLog(storeDir.resolve("commitlog").toString());
        store.setMappedFileSizeCommitLog(commitLogMiB * 1024 * 1024);
        store.setFlushDiskType(flush);
        store.setHaListenPort(haPort);
        BrokerController controller = new BrokerController(config, server, new NettyClientConfig(), store);
        if (!controller.initialize()) {
            controller.shutdown();
            throw new IllegalStateException("Apache RocketMQ broker did not initialize");
        }
        controller.start();
        return controller;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --key value pairs: " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return value;
    }
}
