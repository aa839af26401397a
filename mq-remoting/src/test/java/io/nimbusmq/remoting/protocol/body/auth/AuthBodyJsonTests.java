package io.nimbusmq.remoting.protocol.body.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.alibaba.fastjson.JSON;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo.PolicyEntryInfo;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo.PolicyInfo;
import org.junit.jupiter.api.Test;

/** UserInfo and AclInfo written as RocketMQ 5.3.1 writes its own (fastjson), and read from what it writes. */
class AuthBodyJsonTests {

    @Test
    void userInfoIsWhatRocketMqWrites() {
        org.apache.rocketmq.remoting.protocol.body.UserInfo theirs =
                org.apache.rocketmq.remoting.protocol.body.UserInfo.of("alice", "alice-password", "Normal", "enable");
        UserInfo ours = new UserInfo("alice", "alice-password", "Normal", "enable");

        assertThat(RemotingJson.toJson(ours)).isEqualTo(JSON.toJSONString(theirs));
        assertThat(RemotingJson.decode(JSON.toJSONString(theirs), UserInfo.class)).isEqualTo(ours);
        assertThat(RemotingJson.toJson(new UserInfo("bob", "pw", null, null)))
                .isEqualTo(JSON.toJSONString(org.apache.rocketmq.remoting.protocol.body.UserInfo.of("bob", "pw",
                        null)));
    }

    @Test
    void aclInfoIsWhatRocketMqWrites() {
        org.apache.rocketmq.remoting.protocol.body.AclInfo theirs = org.apache.rocketmq.remoting.protocol.body
                .AclInfo.of("User:alice", List.of("Topic:orders*", "Group:billing"), List.of("Pub", "Sub"),
                        List.of("10.0.0.0/8"), "Allow");
        AclInfo ours = new AclInfo("User:alice", List.of(new PolicyInfo(null, List.of(
                new PolicyEntryInfo("Topic:orders*", List.of("Pub", "Sub"), List.of("10.0.0.0/8"), "Allow"),
                new PolicyEntryInfo("Group:billing", List.of("Pub", "Sub"), List.of("10.0.0.0/8"), "Allow")))));

        assertThat(RemotingJson.toJson(ours)).isEqualTo(JSON.toJSONString(theirs));
        assertThat(RemotingJson.decode(JSON.toJSONString(theirs), AclInfo.class)).isEqualTo(ours);
        assertThat(RemotingJson.decode(JSON.toJSONString(List.of(theirs)), AclInfo[].class)).containsExactly(ours);
    }
}
