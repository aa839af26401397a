package io.nimbusmq.remoting.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingVersion;
import io.nimbusmq.remoting.protocol.RequestCode;
import org.junit.jupiter.api.Test;

class RequestSignatureTests {

    private static final SessionCredentials CREDENTIALS = new SessionCredentials("producer-ak", "producer-sk");

    @Test
    void signsTheValuesInKeyOrderFollowedByTheBody() throws Exception {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2)
                .putExtField("b", "orders").putExtField("a", "pg").setBody("hello".getBytes(StandardCharsets.UTF_8));

        RequestSignature.sign(request, CREDENTIALS);

        // keys: AccessKey < a < b (String order, upper case first)
        String expected = hmacSha1Base64("producer-sk", "producer-ak" + "pg" + "orders" + "hello");
        assertThat(request.optionalString(SessionCredentials.SIGNATURE)).isEqualTo(expected);
        assertThat(request.optionalString(SessionCredentials.ACCESS_KEY)).isEqualTo("producer-ak");
        assertThat(request.extFields()).doesNotContainKey(SessionCredentials.SECURITY_TOKEN);
    }

    @Test
    void theOrderInWhichFieldsWereAddedDoesNotMatter() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("zeta", "1");
        fields.put("alpha", "2");
        fields.put("Mid", "3");
        RemotingCommand forward = RemotingCommand.createRequest(RequestCode.PULL_MESSAGE).setExtFields(fields);
        RemotingCommand backward = RemotingCommand.createRequest(RequestCode.PULL_MESSAGE)
                .putExtField("Mid", "3").putExtField("alpha", "2").putExtField("zeta", "1");

        assertThat(RequestSignature.compute(forward, "secret-key")).isEqualTo(
                RequestSignature.compute(backward, "secret-key"));
    }

    @Test
    void keysAreSortedNotValues() throws Exception {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.PULL_MESSAGE)
                .putExtField("a", "zzz").putExtField("b", "aaa");

        assertThat(RequestSignature.compute(request, "secret-key"))
                .isEqualTo(hmacSha1Base64("secret-key", "zzzaaa"))
                .isNotEqualTo(hmacSha1Base64("secret-key", "aaazzz"));
    }

    @Test
    void anEmptyBodyAndNoBodySignTheSame() throws Exception {
        RemotingCommand none = RemotingCommand.createRequest(RequestCode.HEART_BEAT).putExtField("k", "v");
        RemotingCommand empty = RemotingCommand.createRequest(RequestCode.HEART_BEAT).putExtField("k", "v")
                .setBody(new byte[0]);

        assertThat(RequestSignature.compute(none, "secret-key")).isEqualTo(RequestSignature.compute(empty, "secret-key"))
                .isEqualTo(hmacSha1Base64("secret-key", "v"));
    }

    @Test
    void theSecurityTokenIsSignedWithTheRest() throws Exception {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.HEART_BEAT).putExtField("k", "v");

        RequestSignature.sign(request, new SessionCredentials("producer-ak", "producer-sk", "token-1"));

        assertThat(request.optionalString(SessionCredentials.SECURITY_TOKEN)).isEqualTo("token-1");
        assertThat(request.optionalString(SessionCredentials.SIGNATURE))
                .isEqualTo(hmacSha1Base64("producer-sk", "producer-ak" + "token-1" + "v"));
        assertThat(request.toString()).doesNotContain("token-1");
    }

    @Test
    void verifyAcceptsTheRightSignatureOnly() {
        RemotingCommand request = signedRequest("body");

        assertThat(RequestSignature.verify(request, "producer-sk")).isTrue();
        assertThat(RequestSignature.verify(request, "producer-sk2")).as("another secret").isFalse();
        assertThat(RequestSignature.verify(request.setBody("other".getBytes(StandardCharsets.UTF_8)), "producer-sk"))
                .as("a signature for another body").isFalse();
    }

    @Test
    void verifyRefusesSignaturesThatDifferAnywhereOrInLength() {
        RemotingCommand request = signedRequest("body");
        String good = request.optionalString(SessionCredentials.SIGNATURE);

        for (String forged : new String[] {flip(good, 0), flip(good, good.length() - 2), good.substring(1),
                good + "A", "", good.toLowerCase()}) {
            request.putExtField(SessionCredentials.SIGNATURE, forged);
            assertThat(RequestSignature.verify(request, "producer-sk")).as(forged).isFalse();
        }
        request.removeExtField(SessionCredentials.SIGNATURE);
        assertThat(RequestSignature.verify(request, "producer-sk")).as("no signature").isFalse();
    }

    @Test
    void aChangedFieldAfterSigningInvalidatesTheSignature() {
        RemotingCommand request = signedRequest("body");

        request.putExtField("b", "another-topic");

        assertThat(RequestSignature.verify(request, "producer-sk")).isFalse();
    }

    @Test
    void oldClientsDidNotSignTheUniqueKeyQueryFlag() throws Exception {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.QUERY_MESSAGE).putExtField("topic", "t")
                .putExtField(RequestSignature.UNIQUE_KEY_QUERY, "true");

        request.setVersion(RemotingVersion.V4_9_3);
        assertThat(RequestSignature.compute(request, "secret-key")).isEqualTo(hmacSha1Base64("secret-key", "t"));
        request.setVersion(RemotingVersion.V4_9_4);
        // "_UNIQUE_KEY_QUERY" sorts before "topic"
        assertThat(RequestSignature.compute(request, "secret-key")).isEqualTo(hmacSha1Base64("secret-key", "true" + "t"));
    }

    @Test
    void credentialsNeverShowTheirSecret() {
        assertThat(new SessionCredentials("producer-ak", "producer-sk", "token-1").toString())
                .contains("producer-ak").doesNotContain("producer-sk").doesNotContain("token-1");
        assertThat(SessionCredentials.ofNullable(" ", "x")).isNull();
        assertThatThrownBy(() -> SessionCredentials.ofNullable("producer-ak", null))
                .hasMessageContaining("secretKey");
    }

    private static RemotingCommand signedRequest(String body) {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.SEND_MESSAGE_V2)
                .putExtField("b", "orders").putExtField("a", "pg").setBody(body.getBytes(StandardCharsets.UTF_8));
        return RequestSignature.sign(request, CREDENTIALS);
    }

    private static String flip(String text, int index) {
        char c = text.charAt(index);
        return text.substring(0, index) + (c == 'A' ? 'B' : 'A') + text.substring(index + 1);
    }

    private static String hmacSha1Base64(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
