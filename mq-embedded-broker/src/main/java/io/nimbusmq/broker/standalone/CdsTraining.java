package io.nimbusmq.broker.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.nimbusmq.broker.EmbeddedBroker;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.header.CreateTopicRequestHeader;
import io.nimbusmq.remoting.protocol.header.PullMessageRequestHeader;
import io.nimbusmq.remoting.protocol.header.PullSysFlag;
import io.nimbusmq.remoting.protocol.header.SendMessageRequestHeader;

/**
 * The training run of the standalone jar's class-data sharing archive (docs/broker.md, "Faster start-up"): starts the
 * broker as the launcher does, on loopback, an ephemeral port and a throw-away store, creates a topic, sends a few
 * messages and pulls them back over the wire, then stops. Run under {@code -XX:ArchiveClassesAtExit=FILE} with the
 * standalone jar as the only class path entry, so that the archive lists the classes a start and the first requests
 * load:
 *
 * <pre>
 * java -XX:ArchiveClassesAtExit=nimbus-mq.jsa -cp mq-embedded-broker-VERSION-standalone.jar \
 *      io.nimbusmq.broker.standalone.CdsTraining
 * </pre>
 *
 * Fails (exit status 1) if a request fails: an archive from a broken run would still load, but train little.
 */
public final class CdsTraining {

    private static final String TOPIC = "cds_training";
    private static final int MESSAGES = 5;
    private static final long SUSPEND_MILLIS = 20_000;
    private static final long TIMEOUT_MILLIS = 40_000;

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path storeDir = Files.createTempDirectory("nimbus-cds-training");
        try {
            EmbeddedBroker broker = BrokerLauncher.startBroker(LauncherOptions.parse(new String[] {
                "--bind-host", "127.0.0.1", "--port", "0", "--store-dir", storeDir.toString(),
                "--vip-channel-enabled", "false", "--commit-log-segment-size", "4MiB",
                "--consume-queue-file-size", "60000", "--index-file-size", "4MiB"}), System.nanoTime());
            try (NettyRemotingClient client = new NettyRemotingClient(RemotingClientConfig.defaults())) {
                exercise(client, broker.address());
            } finally {
                broker.shutdown();
            }
        } finally {
            delete(storeDir);
        }
    }

    private static void exercise(NettyRemotingClient client, String address) throws Exception {
        call(client, address, RemotingCommand.createRequest(RequestCode.UPDATE_AND_CREATE_TOPIC,
                new CreateTopicRequestHeader(TOPIC, "TBW102", 1, 1, 6, "SINGLE_TAG", 0, false, null, false)),
                ResponseCode.SUCCESS);
        for (int i = 0; i < MESSAGES; i++) {
            RemotingCommand send = RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2,
                    new SendMessageRequestHeader("cds_training_producer", TOPIC, "TBW102", 4, 0, 0,
                            System.currentTimeMillis(), 0, "", 0, false, null, false, null));
            call(client, address, send.setBody(("message " + i).getBytes(StandardCharsets.UTF_8)),
                    ResponseCode.SUCCESS);
        }
        // a long poll: the store dispatches the messages to the queue in the background; the broker answers once there
        call(client, address, RemotingCommand.createRequest(RequestCode.PULL_MESSAGE,
                new PullMessageRequestHeader("cds_training_consumer", TOPIC, 0, 0, 32,
                        PullSysFlag.FLAG_SUBSCRIPTION | PullSysFlag.FLAG_SUSPEND, 0, SUSPEND_MILLIS, "*", 0, "TAG",
                        null, null)), ResponseCode.SUCCESS);
    }

    private static void call(NettyRemotingClient client, String address, RemotingCommand request, int expected)
            throws Exception {
        RemotingCommand response = client.invokeSync(address, request, TIMEOUT_MILLIS).get();
        if (response.code() != expected) {
            throw new IllegalStateException("CDS training: request " + request.code() + " answered "
                    + response.code() + " " + response.remark());
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
