package io.nimbusmq.compat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.tools.command.MQAdminStartup;

/**
 * The official {@code mqadmin} (rocketmq-tools 5.3.1's {@link MQAdminStartup}) run in-process as the shell script
 * runs it, with what it printed and every request the broker or name server refused.
 *
 * <p>Standard output is swapped for the duration of one command, so commands must not run concurrently (the
 * compatibility tests run one at a time). A command whose options do not parse makes {@code mqadmin} call
 * {@code System.exit}: pass complete options.
 */
final class Mqadmin {

    /** What one command printed (standard output and error) and which requests were answered with an error code. */
    record Run(String output, Map<Integer, Integer> refusedRequests) {

        /** The printed lines. */
        List<String> lines() {
            return output.lines().toList();
        }

        /** Request codes answered with REQUEST_CODE_NOT_SUPPORTED. */
        List<Integer> unsupportedRequests() {
            return refusedRequests.entrySet().stream()
                    .filter(e -> e.getValue() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED).map(Map.Entry::getKey)
                    .sorted().toList();
        }

        /** The first printed line that starts with {@code prefix} (after trimming), split on runs of blanks. */
        List<String> row(String prefix) {
            return lines().stream().map(String::trim).filter(l -> l.startsWith(prefix)).findFirst()
                    .map(l -> List.of(l.split("\\s+")))
                    .orElseThrow(() -> new AssertionError("no line starting with " + prefix + " in:\n" + output));
        }

        /** The value of a {@code key : value} or {@code key = value} line. */
        String value(String key) {
            return lines().stream().map(String::trim).filter(l -> l.matches("\\Q" + key + "\\E\\s*[:=].*"))
                    .findFirst().map(l -> l.substring(l.indexOf(l.contains(" : ") ? ':' : '=') + 1).trim())
                    .orElseThrow(() -> new AssertionError("no line for " + key + " in:\n" + output));
        }
    }

    private Mqadmin() {
    }

    static synchronized Run run(String... args) {
        Map<Integer, Integer> refused = new ConcurrentHashMap<>();
        RPCHook hook = new RPCHook() {
            @Override
            public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
            }

            @Override
            public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
                if (response != null && response.getCode() != ResponseCode.SUCCESS) {
                    refused.put(request.getCode(), response.getCode());
                }
            }
        };
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            MQAdminStartup.main0(args, hook);
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
        Run run = new Run(captured.toString(StandardCharsets.UTF_8), Map.copyOf(refused));
        original.println("mqadmin " + String.join(" ", args) + "\n" + run.output());
        return run;
    }
}
