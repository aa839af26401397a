package io.nimbusmq.benchmark.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one load generator JVM runs, passed on its command line as {@code --key value} pairs: {@link #toArgs()} on the
 * coordinator's side, {@link #parse} on the load generator's.
 *
 * @param namesrvAddr    name server address of the broker under test
 * @param brokerPid      the broker JVM's process id, whose CPU time is measured
 * @param driver         client driver name ({@code official}, {@code nimbus})
 * @param scenarios      what to run, in order
 * @param threads        sending threads of the produce scenarios
 * @param bodySize       body bytes of every message
 * @param warmupSeconds  load before each measured period, not measured
 * @param measureSeconds the measured period of the produce and round-trip scenarios
 * @param backlog        messages written before the consume scenario
 * @param roundTripRate  messages per second of the round-trip scenario
 * @param asyncInFlight  asynchronous sends in flight at most, over all threads
 * @param consumeBatch   messages per listener call when draining a backlog or verifying
 * @param resultFile     where the results go
 */
public record LoadSettings(String namesrvAddr, long brokerPid, String driver, List<Scenario> scenarios, int threads,
        int bodySize, int warmupSeconds, int measureSeconds, long backlog, int roundTripRate, int asyncInFlight,
        int consumeBatch, Path resultFile) {

    public LoadSettings {
        scenarios = List.copyOf(scenarios);
        if (threads < 1 || bodySize < MessageBody.HEADER_BYTES || measureSeconds < 1 || warmupSeconds < 0
                || backlog < 1 || roundTripRate < 1 || asyncInFlight < 1 || consumeBatch < 1) {
            throw new IllegalArgumentException("invalid load settings: " + this);
        }
    }

    public List<String> toArgs() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("namesrv", namesrvAddr);
        values.put("broker-pid", Long.toString(brokerPid));
        values.put("driver", driver);
        values.put("scenarios", String.join(",", scenarios.stream().map(Scenario::id).toList()));
        values.put("threads", Integer.toString(threads));
        values.put("body-size", Integer.toString(bodySize));
        values.put("warmup", Integer.toString(warmupSeconds));
        values.put("measure", Integer.toString(measureSeconds));
        values.put("backlog", Long.toString(backlog));
        values.put("rate", Integer.toString(roundTripRate));
        values.put("async-in-flight", Integer.toString(asyncInFlight));
        values.put("consume-batch", Integer.toString(consumeBatch));
        values.put("out", resultFile.toString());
        List<String> args = new ArrayList<>();
        values.forEach((key, value) -> {
            args.add("--" + key);
            args.add(value);
        });
        return args;
    }

    public static LoadSettings parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --key value pairs: " + Arrays.toString(args));
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new LoadSettings(required(values, "namesrv"), Long.parseLong(required(values, "broker-pid")),
                required(values, "driver"),
                Arrays.stream(required(values, "scenarios").split(",")).filter(s -> !s.isBlank())
                        .map(Scenario::byId).toList(),
                Integer.parseInt(required(values, "threads")), Integer.parseInt(required(values, "body-size")),
                Integer.parseInt(required(values, "warmup")), Integer.parseInt(required(values, "measure")),
                Long.parseLong(required(values, "backlog")), Integer.parseInt(required(values, "rate")),
                Integer.parseInt(required(values, "async-in-flight")),
                Integer.parseInt(required(values, "consume-batch")), Path.of(required(values, "out")));
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return value;
    }
}
