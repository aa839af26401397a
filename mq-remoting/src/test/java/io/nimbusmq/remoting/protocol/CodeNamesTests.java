package io.nimbusmq.remoting.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeNamesTests {

    @Test
    void requestAndResponseCodesAreNamedWithTheirNumber() {
        assertThat(RequestCode.describe(RequestCode.GET_ROUTEINFO_BY_TOPIC)).isEqualTo("GET_ROUTEINFO_BY_TOPIC (105)");
        assertThat(RequestCode.describe(RequestCode.SEND_MESSAGE_V2)).isEqualTo("SEND_MESSAGE_V2 (310)");
        assertThat(ResponseCode.describe(ResponseCode.TOPIC_NOT_EXIST)).isEqualTo("TOPIC_NOT_EXIST (17)");
        assertThat(ResponseCode.describe(ResponseCode.NO_PERMISSION)).isEqualTo("NO_PERMISSION (16)");
    }

    @Test
    void anUnknownCodeKeepsItsNumber() {
        assertThat(RequestCode.describe(4242)).isEqualTo("code 4242");
        assertThat(ResponseCode.describe(-7)).isEqualTo("code -7");
    }
}
