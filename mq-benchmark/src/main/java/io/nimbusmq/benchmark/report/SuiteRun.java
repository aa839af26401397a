package io.nimbusmq.benchmark.report;

import java.util.List;
import java.util.Optional;

import io.nimbusmq.benchmark.metrics.ProcFs.ProcessMemory;
import io.nimbusmq.benchmark.metrics.ScenarioResult;

/**
 * One broker JVM's life in the comparison: started in one flush mode, loaded by one or more load generator JVMs,
 * measured, stopped.
 *
 * @param broker               {@code apache} or {@code nimbus}
 * @param flushMode            {@code ASYNC_FLUSH} or {@code SYNC_FLUSH}
 * @param readyMillis          launch to the first successful send
 * @param memoryAtReady        resident memory when ready
 * @param memoryAfterRun       resident memory after the last scenario, before anything else touches the JVM
 * @param heapUsedAfterGcBytes heap in use after a full GC ({@code jcmd GC.run}) after the run, -1 if unknown
 * @param results              every scenario of every driver, in the order run
 * @param round                which round of the comparison (1, 2, ...): each round runs every broker once per
 *                             flush mode
 */
public record SuiteRun(String broker, String flushMode, double readyMillis, ProcessMemory memoryAtReady,
        ProcessMemory memoryAfterRun, long heapUsedAfterGcBytes, List<ScenarioResult> results, int round) {

    public SuiteRun {
        results = List.copyOf(results);
    }

    /** A run of the first round. */
    public SuiteRun(String broker, String flushMode, double readyMillis, ProcessMemory memoryAtReady,
            ProcessMemory memoryAfterRun, long heapUsedAfterGcBytes, List<ScenarioResult> results) {
        this(broker, flushMode, readyMillis, memoryAtReady, memoryAfterRun, heapUsedAfterGcBytes, results, 1);
    }

    public Optional<ScenarioResult> result(String scenario, String driver) {
        return results.stream().filter(r -> r.scenario().equals(scenario) && r.driver().equals(driver)).findFirst();
    }
}
