package io.nimbusmq.benchmark.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
