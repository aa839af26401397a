package io.nimbusmq.remoting.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RemotingCommandTests {

    @Test
    void requestsDrawIncreasingOpaquesAndOurVersion() {
        RemotingCommand first = RemotingCommand.createRequest(RequestCode.HEART_BEAT);
        RemotingCommand second = RemotingCommand.createRequest(RequestCode.HEART_BEAT);

        assertThat(second.opaque()).isGreaterThan(first.opaque());
        assertThat(first.code()).isEqualTo(34);
        assertThat(first.version()).isEqualTo(RemotingVersion.CURRENT).isEqualTo(475);
        assertThat(first.language()).isEqualTo(LanguageCode.JAVA);
        assertThat(first.flag()).isZero();
        assertThat(first.isResponse()).isFalse();
        assertThat(first.isOneway()).isFalse();
    }

    @Test
    void onewayRequestsSetFlagBitOne() {
        RemotingCommand oneway = RemotingCommand.createOnewayRequest(RequestCode.UPDATE_CONSUMER_OFFSET);

        assertThat(oneway.flag()).isEqualTo(2);
        assertThat(oneway.isOneway()).isTrue();
        assertThat(oneway.isResponse()).isFalse();
    }

    @Test
    void responsesCopyOpaqueAndSetFlagBitZero() {
        RemotingCommand request = new RemotingCommand().setCode(30).setOpaque(77).setVersion(100)
                .setLanguage(LanguageCode.CPP).putExtField("topic", "T");

        RemotingCommand response = RemotingCommand.createResponse(request, ResponseCode.TOPIC_NOT_EXIST, "no route");

        assertThat(response.opaque()).isEqualTo(77);
        assertThat(response.flag()).isEqualTo(1);
        assertThat(response.isResponse()).isTrue();
        assertThat(response.code()).isEqualTo(17);
        assertThat(response.remark()).isEqualTo("no route");
        assertThat(response.version()).isEqualTo(RemotingVersion.CURRENT);
        assertThat(response.language()).isEqualTo(LanguageCode.JAVA);
        assertThat(response.extFields()).isEmpty();
        assertThat(response.serializeType()).isEqualTo(SerializeType.JSON);
    }

    @Test
    void putExtFieldWritesStringValueOfAndSkipsNulls() {
        RemotingCommand command = new RemotingCommand()
                .putExtField("queueId", 3)
                .putExtField("committed", true)
                .putExtField("language", LanguageCode.GO)
                .putExtField("missing", null);

        assertThat(command.extFields()).containsOnly(Map.entry("queueId", "3"), Map.entry("committed", "true"),
                Map.entry("language", "GO"));
        assertThatThrownBy(() -> command.extFields().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void typedAccessorsParseValues() {
        RemotingCommand command = new RemotingCommand().setCode(11)
                .putExtField("topic", "T").putExtField("queueId", "3").putExtField("queueOffset", "12345678901")
                .putExtField("flag", "TRUE");

        assertThat(command.requiredString("topic")).isEqualTo("T");
        assertThat(command.requiredInt("queueId")).isEqualTo(3);
        assertThat(command.requiredLong("queueOffset")).isEqualTo(12345678901L);
        assertThat(command.requiredBoolean("flag")).isTrue();
        assertThat(command.optionalLong("maxMsgBytes", 262144L)).isEqualTo(262144L);
        assertThat(command.optionalInt("queueId", 9)).isEqualTo(3);
        assertThat(command.optionalBoolean("committed", true)).isTrue();
        assertThat(command.optionalString("subscription")).isNull();
        assertThat(command.optionalString("subscription", "*")).isEqualTo("*");
    }

    @Test
    void missingRequiredFieldNamesFieldAndCode() {
        RemotingCommand command = new RemotingCommand().setCode(30);

        assertThatThrownBy(() -> command.requiredLong("queueId"))
                .isInstanceOf(MissingHeaderFieldException.class)
                .hasMessage("the custom header field 'queueId' is required by request code 30 but is missing")
                .extracting(e -> ((HeaderFieldException) e).fieldName()).isEqualTo("queueId");
    }

    @Test
    void unparsableFieldNamesFieldAndValue() {
        RemotingCommand command = new RemotingCommand().setCode(11).putExtField("queueId", "three")
                .putExtField("offset", "");

        assertThatThrownBy(() -> command.requiredInt("queueId"))
                .isInstanceOf(InvalidHeaderFieldException.class)
                .hasMessage("the custom header field 'queueId' of request code 11 is not a valid int: 'three'");
        assertThatThrownBy(() -> command.optionalLong("offset", 0))
                .isInstanceOf(InvalidHeaderFieldException.class)
                .hasMessageContaining("'offset'");
        assertThatThrownBy(() -> command.optionalInt("queueId", 0)).isInstanceOf(InvalidHeaderFieldException.class);
    }

    @Test
    void languageCodesFollowTheWireNumbers() {
        assertThat(LanguageCode.fromCode(0)).isEqualTo(LanguageCode.JAVA);
        assertThat(LanguageCode.fromCode(9)).isEqualTo(LanguageCode.GO);
        assertThat(LanguageCode.fromCode(13)).isEqualTo(LanguageCode.NODE_JS);
        assertThat(LanguageCode.fromCode(200)).isEqualTo(LanguageCode.OTHER);
        assertThat(LanguageCode.RUST.code()).isEqualTo(12);
        assertThat(LanguageCode.fromName("PYTHON")).isEqualTo(LanguageCode.PYTHON);
    }

    @Test
    void serializeTypesFollowTheWireNumbers() {
        assertThat(SerializeType.fromCode(0)).isEqualTo(SerializeType.JSON);
        assertThat(SerializeType.fromCode(1)).isEqualTo(SerializeType.ROCKETMQ);
        assertThat(SerializeType.fromCode(5)).isNull();
    }
}
