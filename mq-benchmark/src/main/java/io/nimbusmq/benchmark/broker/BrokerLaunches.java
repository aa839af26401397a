package io.nimbusmq.benchmark.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines of the broker JVMs, identical for both brokers in everything but the broker: the same java, the same
 * {@code -Xmx} and collector, loopback only, a fresh store directory and a private {@code user.home} (Apache writes its
 * logs and a few config files there).
 *
 * <ul>
 * <li>Apache: {@code ApacheRocketMqMain} on Apache's own classpath (this module's classes first, for that one
 * class);</li>
 * <li>Nimbus: {@code io.nimbusmq.broker.standalone.BrokerLauncher} from the standalone jar, as shipped.</li>
 * </ul>
 */
public final class BrokerLaunches {

    static final String APACHE_MAIN = "io.nimbusmq.benchmark.apache.ApacheRocketMqMain";
    static final String NIMBUS_MAIN = "io.nimbusmq.broker.standalone.BrokerLauncher";

    private final String javaBin;
    private final String heap;
    private final String collector;
    private final Path nimbusJar;
    private final String apacheClasspath;
    private final int apacheCommitLogMiB;

    /**
     * @param heap            {@code -Xmx} of both, e.g. {@code 1g}
     * @param nimbusJar       mq-embedded-broker's standalone jar
     * @param apacheClasspath this module's classes plus Apache RocketMQ's runtime classpath
     */
    public BrokerLaunches(String heap, Path nimbusJar, String apacheClasspath, int apacheCommitLogMiB) {
        this(heap, "G1", nimbusJar, apacheClasspath, apacheCommitLogMiB);
    }

    /** @param collector the garbage collector of both, as in {@code -XX:+Use<collector>GC}: Serial, Parallel, G1, Z */
    public BrokerLaunches(String heap, String collector, Path nimbusJar, String apacheClasspath,
            int apacheCommitLogMiB) {
        if (!List.of("Serial", "Parallel", "G1", "Z", "Shenandoah").contains(collector)) {
            throw new IllegalArgumentException("unknown collector '" + collector
                    + "': one of Serial, Parallel, G1, Z, Shenandoah");
        }
        this.javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.heap = heap;
        this.collector = collector;
        this.nimbusJar = nimbusJar;
        this.apacheClasspath = apacheClasspath;
        this.apacheCommitLogMiB = apacheCommitLogMiB;
    }

    /** The JVM options both brokers get. */
    public List<String> jvmOptions() {
        return List.of("-Xmx" + heap, "-XX:+Use" + collector + "GC");
    }

    /**
     * @param flushMode {@code ASYNC_FLUSH} or {@code SYNC_FLUSH}
     * @param jfrFile   where to write a flight recording (profile settings, dumped on exit), or null for none
     */
    public BrokerLaunch prepare(BrokerKind kind, String flushMode, Path storeDir, Path homeDir, Path jfrFile) {
        List<String> command = new ArrayList<>();
        command.add(javaBin);
        command.addAll(jvmOptions());
        command.add("-Duser.home=" + homeDir);
        if (jfrFile != null) {
            command.add("-XX:+UnlockDiagnosticVMOptions");
            command.add("-XX:+DebugNonSafepoints");
            command.add("-XX:StartFlightRecording=filename=" + jfrFile + ",settings=profile,dumponexit=true");
        }
        return switch (kind) {
            case APACHE -> {
                int namesrvPort = FreePorts.any();
                int brokerPort = FreePorts.withApacheNeighbours();
                command.addAll(List.of("-cp", apacheClasspath, APACHE_MAIN,
                        "--namesrv-port", Integer.toString(namesrvPort),
                        "--broker-port", Integer.toString(brokerPort),
                        "--ha-port", Integer.toString(brokerPort + 1),
                        "--store-dir", storeDir.toString(),
                        "--flush-mode", flushMode,
                        "--commitlog-mib", Integer.toString(apacheCommitLogMiB)));
                yield new BrokerLaunch(kind, command, "127.0.0.1:" + namesrvPort, "127.0.0.1:" + brokerPort);
            }
            case NIMBUS -> {
                int port = FreePorts.any();
                command.addAll(List.of("-cp", nimbusJar.toString(), NIMBUS_MAIN,
                        "--port", Integer.toString(port),
                        "--bind-host", "127.0.0.1",
                        "--store-dir", storeDir.toString(),
                        "--flush-mode", flushMode,
                        "--auto-create-topic", "false"));
                yield new BrokerLaunch(kind, command, "127.0.0.1:" + port, "127.0.0.1:" + port);
            }
        };
    }
}
