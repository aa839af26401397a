package io.nimbusmq.benchmark.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import io.nimbusmq.benchmark.metrics.ProcFs.ProcessMemory;
import org.junit.jupiter.api.Test;

class ProcFsTests {

    @Test
    void cpuTicksAreUtimePlusStimeCountedFromTheLastParenthesis() {
        // a command name with spaces and a ')' inside, as a thread may name itself
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 12345 0 3 0 731 269 0 0 20 0 45 0 "
                + "12345678 4000000000 60000 18446744073709551615 1 1 0 0 0 0 0 0 0";

        assertThat(ProcFs.parseCpuTicks(stat)).isEqualTo(731 + 269);
    }

    @Test
    void aUserProcessCountsItsOwnAndItsWaitedForChildrensTime() {
        // flags 4194560 (no PF_KTHREAD); utime 731, stime 269, cutime 40, cstime 10
        String stat = "4242 (bash) S 1 4242 4242 0 -1 4194560 12345 0 3 0 731 269 40 10 20 0 1 0 "
                + "12345678 4000000 600 18446744073709551615 1 1 0 0 0 0 0 0 0";

        assertThat(ProcFs.parseUserProcessTicks(stat)).isEqualTo(731 + 269 + 40 + 10);
    }

    @Test
    void aKernelThreadIsNotAUserProcess() {
        // flags 69238880 = PF_KTHREAD (0x200000) | others, as kworker threads show
        String stat = "83 (kdamond.0) I 2 0 0 0 -1 69238880 0 0 0 0 4000 500 0 0 20 0 1 0 100 0 0 "
                + "18446744073709551615 0 0 0 0 0 0 0 2147483647 0";

        assertThat(ProcFs.parseUserProcessTicks(stat)).isEqualTo(-1);
    }

    @Test
    void ticksSinceCountsDifferencesNewProcessesAndReusedPids() {
        Map<Long, Long> before = Map.of(1L, 100L, 2L, 50L, 3L, 500L);
        Map<Long, Long> after = Map.of(1L, 130L, 3L, 20L, 4L, 7L); // 2 ended, 3 is a new process on an old pid

        assertThat(ProcFs.ticksSince(before, after)).isEqualTo(30 + 20 + 7);
    }

    @Test
    void foreignTicksLeaveOutTheExcludedProcesses() {
        long self = ProcessHandle.current().pid();

        assertThat(ProcFs.userProcessTicks(Set.of(self))).doesNotContainKey(self).isNotEmpty();
        assertThat(ProcFs.userProcessTicks(Set.of())).containsKey(self);
        assertThat(ProcFs.loadAverage()).isNotNegative();
    }

    @Test
    void machineBusyTimeLeavesOutIdleAndIowait() {
        String procStat = "cpu  100 2 30 5000 70 4 5 6 0 0\ncpu0 50 1 15 2500 35 2 2 3 0 0\nintr 1 2 3\n";

        assertThat(ProcFs.parseMachineBusyTicks(procStat)).isEqualTo(100 + 2 + 30 + 4 + 5 + 6);
    }

    @Test
    void residentMemoryInBytesWithItsParts() {
        String status = "Name:\tjava\nVmPeak:\t 5000000 kB\nVmRSS:\t  350000 kB\nRssAnon:\t  300000 kB\n"
                + "RssFile:\t   49000 kB\nRssShmem:\t    1000 kB\nThreads:\t 80\n";

        assertThat(ProcFs.parseMemory(status))
                .isEqualTo(new ProcessMemory(350_000L * 1024, 300_000L * 1024, 49_000L * 1024, 1_000L * 1024));
    }

    @Test
    void aStatusWithoutVmRssIsAnError() {
        assertThatThrownBy(() -> ProcFs.parseMemory("Name:\tzombie\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsThisProcess() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcFs.cpuSeconds(pid)).isPositive();
        assertThat(ProcFs.memory(pid).rssBytes()).isPositive();
        assertThat(ProcFs.machineBusySeconds()).isPositive();
    }
}
