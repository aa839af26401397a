package io.nimbusmq.broker.auth.plain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.nimbusmq.broker.auth.AclRules;
import io.nimbusmq.broker.auth.AclUser;
import io.nimbusmq.broker.auth.AddressPattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainAclFileTests {

    @TempDir
    Path dir;

    @Test
    void readsRocketMqsSampleFile() throws Exception {
        Path file = write("""
                globalWhiteRemoteAddresses:
                  - 10.10.103.*
                  - 192.168.0.*
                accounts:
                  - accessKey: RocketMQ
                    secretKey: 12345678
                    whiteRemoteAddress:
                    admin: false
                    defaultTopicPerm: DENY
                    defaultGroupPerm: SUB
                    topicPerms:
                      - topicA=DENY
                      - topicB=PUB|SUB
                      - topicC=SUB
                    groupPerms:
                      - groupA=DENY
                      - groupB=PUB|SUB
                      - groupC=SUB
                  - accessKey: rocketmq2
                    secretKey: 12345678
                    whiteRemoteAddress: 192.168.1.*
                    admin: true
                dataVersion:
                  - counter: 1
                    timestamp: 1672224433000
                """);

        AclRules rules = PlainAclFile.read(file);

        assertThat(rules.globalWhiteRemoteAddresses()).map(AddressPattern::toString)
                .containsExactly("10.10.103.*", "192.168.0.*");
        assertThat(rules.users()).containsOnlyKeys("RocketMQ", "rocketmq2");
        AclUser user = rules.users().get("RocketMQ");
        assertThat(user.admin()).isFalse();
        assertThat(user.trustedAddresses()).isNull();
        assertThat(user.secretKey()).isEqualTo("12345678");
        assertThat(user.toString()).doesNotContain("12345678");
        assertThat(rules.users().get("rocketmq2").admin()).isTrue();
        assertThat(rules.users().get("rocketmq2").trustedAddresses().matches("192.168.1.7")).isTrue();
    }

    @Test
    void anEmptyFileHasNoUsers() throws Exception {
        assertThat(PlainAclFile.read(write(""))).isEqualTo(AclRules.EMPTY);
    }

    @Test
    void shortKeysAreRefusedAsRocketMqDoes() throws Exception {
        Path file = write("""
                accounts:
                  - accessKey: short
                    secretKey: 12345678
                """);

        assertThatThrownBy(() -> PlainAclFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accounts[0]").hasMessageContaining("length should longer than 6")
                .hasMessageNotContaining("12345678");
    }

    @Test
    void mistakesNameTheAccountAndTheEntry() throws Exception {
        assertThatThrownBy(() -> PlainAclFile.read(write("""
                accounts:
                  - accessKey: RocketMQ
                    secretKey: 12345678
                    topicPerms:
                      - topicA=WRITE
                """))).hasMessageContaining("accessKey RocketMQ").hasMessageContaining("WRITE");
        assertThatThrownBy(() -> PlainAclFile.read(write("""
                accounts:
                  - accessKey: RocketMQ
                    secretKey: 12345678
                    groupPerms:
                      - groupA
                """))).hasMessageContaining("'groupA' is not name=PERM");
        assertThatThrownBy(() -> PlainAclFile.read(write("""
                accounts:
                  - accessKey: RocketMQ
                    secretKey: 12345678
                  - accessKey: RocketMQ
                    secretKey: 87654321
                """))).hasMessageContaining("defined twice");
        assertThatThrownBy(() -> PlainAclFile.read(write("accounts: [unclosed"))).hasMessageContaining("YAML");
    }

    private Path write(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "plain_acl", ".yml");
        Files.writeString(file, yaml);
        return file;
    }
}
