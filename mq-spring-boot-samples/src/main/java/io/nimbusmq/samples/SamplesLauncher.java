package io.nimbusmq.samples;

import java.util.Arrays;

import io.nimbusmq.samples.demo.DemoApplication;
import io.nimbusmq.samples.logistics.LogisticsServiceApplication;
import io.nimbusmq.payments.PaymentsApplication;
import io.nimbusmq.samples.order.OrderServiceApplication;

/**
 * The main class of the samples' executable jar: {@code demo} (the default), {@code order}, {@code logistics} or
 * {@code payments} (the rocketmq-spring port),
 * followed by Spring Boot arguments such as {@code --mq.name-server=127.0.0.1:9876}.
 */
public final class SamplesLauncher {

    private SamplesLauncher() {
    }

    public static void main(String[] args) {
        String app = args.length > 0 && !args[0].startsWith("--") ? args[0] : "demo";
        String[] rest = args.length > 0 && !args[0].startsWith("--") ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (app) {
            case "demo" -> DemoApplication.main(rest);
            case "order" -> OrderServiceApplication.main(rest);
            case "logistics" -> LogisticsServiceApplication.main(rest);
            case "payments" -> PaymentsApplication.main(rest);
            default -> {
                System.err.println("usage: java -jar mq-spring-boot-samples-<version>-demo.jar [demo|order|logistics|payments]"
                        + " [--mq.name-server=host:port] [other Spring Boot options]");
                System.exit(2);
            }
        }
    }
}
