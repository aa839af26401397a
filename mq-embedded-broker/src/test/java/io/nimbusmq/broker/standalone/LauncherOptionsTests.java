package io.nimbusmq.broker.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
