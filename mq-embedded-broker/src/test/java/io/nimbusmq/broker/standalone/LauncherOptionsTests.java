package io.nimbusmq.broker.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.nimbusmq.broker.OperationsConfig;
import io.nimbusmq.broker.StoreSizes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherOptionsTests {

    @Test
    void thePropertyFilterIsOnByDefault() throws Exception {
        assertThat(LauncherOptions.parse(new String[0]).broker().enablePropertyFilter()).isTrue();
    }

    @Test
    void thePropertyFilterCanBeTurnedOff() throws Exception {
        assertThat(LauncherOptions.parse(new String[] {"--enable-property-filter", "false"}).broker()
                .enablePropertyFilter()).isFalse();
        assertThat(LauncherOptions.parse(new String[] {"--enable-property-filter=TRUE"}).broker()
                .enablePropertyFilter()).isTrue();
    }

    @Test
    void aPropertyFilterSettingThatIsNotABooleanIsRefused() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--enable-property-filter", "yes"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enable-property-filter must be true or false: yes");
    }

    @Test
    void theStandaloneBrokerHasRocketMqsVipChannelAndNoMetricsEndpointByDefault() throws Exception {
        OperationsConfig operations = LauncherOptions.parse(new String[0]).broker().operations();

        assertThat(operations.vipChannelEnabled()).isTrue();
        assertThat(operations.metricsEnabled()).isFalse();
        assertThat(OperationsConfig.defaults().vipChannelEnabled()).as("embedded").isFalse();
    }

    @Test
    void theVipChannelCanBeTurnedOffAndTheMetricsEndpointOn() throws Exception {
        OperationsConfig operations = LauncherOptions.parse(new String[] {"--vip-channel-enabled", "false",
                "--metrics-port", "5557"}).broker().operations();

        assertThat(operations.vipChannelEnabled()).isFalse();
        assertThat(operations.metricsPort()).isEqualTo(5557);
    }

    @Test
    void aMetricsPortThatIsNoPortIsRefused() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--metrics-port", "prometheus"}))
                .hasMessage("metrics-port must be a port number: prometheus");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--metrics-port", "70000"}))
                .hasMessageContaining("metricsPort must be -1 (off) or in 0..65535: 70000");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--vip-channel-enabled", "on"}))
                .hasMessage("vip-channel-enabled must be true or false: on");
    }

    @Test
    void storeFilesHaveProductionSizesByDefault() throws Exception {
        assertThat(LauncherOptions.parse(new String[0]).broker().storeSizes()).isEqualTo(StoreSizes.production());
    }

    @Test
    void storeFileSizesForASmallVolumeComeFromTheCommandLine() throws Exception {
        StoreSizes sizes = LauncherOptions.parse(new String[] {"--commit-log-segment-size", "32MB",
            "--consume-queue-file-size=1MiB", "--index-file-size", "8m"}).broker().storeSizes();

        assertThat(sizes.commitLogSegmentBytes()).isEqualTo(32 * 1024 * 1024);
        assertThat(sizes.consumeQueueEntriesPerFile()).isEqualTo(1024 * 1024 / 20);
        assertThat(sizes.indexFileBytes()).isLessThanOrEqualTo(8 * 1024 * 1024).isGreaterThan(8 * 1024 * 1024 - 84);
        assertThat(sizes.indexMaxEntries()).isEqualTo(4 * sizes.indexHashSlots());
    }

    @Test
    void storeFileSizesComeFromTheConfigFile(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("broker.yml");
        Files.writeString(config, "commit-log-segment-size: 64MiB\nindex-file-size: 512k\n");

        StoreSizes sizes = LauncherOptions.parse(new String[] {"--config", config.toString(),
            "--commit-log-segment-size", "16m"}).broker().storeSizes();

        assertThat(sizes.commitLogSegmentBytes()).as("the command line wins").isEqualTo(16 * 1024 * 1024);
        assertThat(sizes.indexFileBytes()).isLessThanOrEqualTo(512 * 1024);
        assertThat(sizes.consumeQueueEntriesPerFile()).isEqualTo(300_000);
    }

    @Test
    void aSizeThatIsNoSizeOrTooSmallIsRefusedClearly() {
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--commit-log-segment-size", "big"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("commit-log-segment-size must be a size such as 64MB or 1GiB: big");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--commit-log-segment-size", "4g"}))
                .hasMessageContaining("between 1 byte and 2GiB - 1");
        assertThatThrownBy(() -> LauncherOptions.parse(new String[] {"--commit-log-segment-size", "1k"}))
                .hasMessageContaining("store file sizes: segmentSizeBytes must be at least 4096");
    }
}
