package io.nimbusmq.broker.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nimbusmq.broker.auth.AccessCheck;
import io.nimbusmq.broker.auth.AccessRule;
import io.nimbusmq.broker.auth.AclRules;
import io.nimbusmq.broker.auth.AclUser;
import io.nimbusmq.broker.auth.Action;
import io.nimbusmq.broker.auth.PolicyType;
import io.nimbusmq.broker.auth.Resource;
import io.nimbusmq.broker.auth.ResourcePattern;
import io.nimbusmq.broker.auth.plain.PlainAccessControl;
import io.nimbusmq.remoting.acl.RequestSignature;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;

/**
 * The broker's CPU cost of access control per message: {@link PlainAccessControl#check} (signature over the ext fields and
 * the body, user lookup, permission rules) on a signed SEND_MESSAGE_V2 with the official client's header fields, for
 * bodies of 128 B, 1 KiB and 64 KiB, measured as this thread's CPU time (so other processes on the machine do not
 * count). Run: {@code java -cp <test classpath> io.nimbusmq.broker.benchmark.AclCostBenchmark}.
 */
public final class AclCostBenchmark {

    private AclCostBenchmark() {
    }

    public static void main(String[] args) {
        AclUser user = new AclUser("producer-user", "producer-secret", false, true, null,
                List.of(AccessRule.of(ResourcePattern.literal(Resource.Kind.TOPIC, "orders"), Set.of(Action.PUB), true,
                        PolicyType.CUSTOM)));
        AclRules rules = new AclRules(List.of(), Map.of(user.accessKey(), user));
        AccessCheck accessControl = new PlainAccessControl(() -> rules);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int size : new int[] {128, 1024, 65536}) {
            RemotingCommand request = request(size);
            int iterations = size >= 65536 ? 20_000 : 200_000;
            run(accessControl, request, iterations / 4);
            long cpuBefore = threads.getCurrentThreadCpuTime();
            run(accessControl, request, iterations);
            double nanosPerMessage = (threads.getCurrentThreadCpuTime() - cpuBefore) / (double) iterations;
            System.out.printf("body %6d B: %.2f us CPU per message for the ACL check%n", size,
                    nanosPerMessage / 1000);
        }
    }

    private static void run(AccessCheck accessControl, RemotingCommand request, int iterations) {
        for (int i = 0; i < iterations; i++) {
            if (accessControl.check(request, "127.0.0.1") != null) {
                throw new IllegalStateException("refused");
            }
        }
    }

    private static RemotingCommand request(int bodyBytes) {
        return RequestSignature.sign(sendMessageV2(bodyBytes), new SessionCredentials("producer-user",
                "producer-secret"));
    }

    /** A SEND_MESSAGE_V2 with the official client's header fields and a body of {@code bodyBytes}, unsigned. */
    static RemotingCommand sendMessageV2(int bodyBytes) {
        return RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2)
                .putExtField("a", "orders-producer").putExtField("b", "orders").putExtField("c", "TBW102")
                .putExtField("d", 4).putExtField("e", 1).putExtField("f", 0)
                .putExtField("g", System.currentTimeMillis()).putExtField("h", 0)
                .putExtField("i", "UNIQ_KEY\u00017F0000017A2C18B4AAC2A3B1C4D50000\u0002WAIT\u0001true\u0002")
                .putExtField("j", 0).putExtField("k", false).putExtField("m", false).putExtField("n", "broker-a")
                .putExtField("bname", "broker-a").setBody(new byte[bodyBytes]);
    }
}
