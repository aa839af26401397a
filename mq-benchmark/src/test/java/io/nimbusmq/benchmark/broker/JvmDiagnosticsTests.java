package io.nimbusmq.benchmark.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmDiagnosticsTests {

    @Test
    void readsTheUsedHeapOfG1() {
        String info = "4242:\n garbage-first heap   total 1048576K, used 23456K [0x00000000c0000000, 0x0000000100000000)\n"
                + "  region size 1024K, 2 young (2048K), 0 survivors (0K)\n"
                + " Metaspace       used 41234K, committed 41728K, reserved 1114112K\n";

        assertThat(JvmDiagnostics.parseHeapUsed(info)).isEqualTo(23456L * 1024);
    }

    @Test
    void unknownOutputGivesMinusOne() {
        assertThat(JvmDiagnostics.parseHeapUsed("Could not attach")).isEqualTo(-1);
    }
}
