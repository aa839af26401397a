package io.nimbusmq.remoting.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.nimbusmq.remoting.protocol.CommandHeader;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.junit.jupiter.api.Test;

/** The ACL 2.0 request headers write exactly the ext fields RocketMQ 5.3.1's header classes write, and read them. */
class AuthRequestHeadersTests {

    @Test
    void userHeadersMatchRocketMqs() {
        assertSameFields(RequestCode.AUTH_CREATE_USER, new UserRequestHeader("alice"),
                new org.apache.rocketmq.remoting.protocol.header.CreateUserRequestHeader("alice"));
        assertSameFields(RequestCode.AUTH_DELETE_USER, new UserRequestHeader("alice"),
                new org.apache.rocketmq.remoting.protocol.header.DeleteUserRequestHeader("alice"));
        assertSameFields(RequestCode.AUTH_LIST_USER, new ListUsersRequestHeader("ali"),
                new org.apache.rocketmq.remoting.protocol.header.ListUsersRequestHeader("ali"));
        assertThat(UserRequestHeader.readFrom(request(Map.of("username", "alice"))).username()).isEqualTo("alice");
        assertThat(UserRequestHeader.readFrom(request(Map.of())).username()).as("absent: the broker says so").isNull();
    }

    @Test
    void aclHeadersMatchRocketMqs() {
        assertSameFields(RequestCode.AUTH_CREATE_ACL, new AclRequestHeader("User:alice"),
                new org.apache.rocketmq.remoting.protocol.header.CreateAclRequestHeader("User:alice"));
        org.apache.rocketmq.remoting.protocol.header.DeleteAclRequestHeader delete =
                new org.apache.rocketmq.remoting.protocol.header.DeleteAclRequestHeader("User:alice", "Topic:orders");
        delete.setPolicyType("Custom");
        assertSameFields(RequestCode.AUTH_DELETE_ACL, new DeleteAclRequestHeader("User:alice", "Custom",
                "Topic:orders"), delete);
        assertSameFields(RequestCode.AUTH_LIST_ACL, new ListAclsRequestHeader("alice", "Topic"),
                new org.apache.rocketmq.remoting.protocol.header.ListAclsRequestHeader("alice", "Topic"));
        assertThat(DeleteAclRequestHeader.readFrom(request(Map.of("subject", "User:alice"))))
                .isEqualTo(new DeleteAclRequestHeader("User:alice", null, null));
        assertThat(ListAclsRequestHeader.readFrom(request(Map.of("subjectFilter", "a", "resourceFilter", "b"))))
                .isEqualTo(new ListAclsRequestHeader("a", "b"));
    }

    private static void assertSameFields(int code, CommandHeader ours, CommandCustomHeader theirs) {
        org.apache.rocketmq.remoting.protocol.RemotingCommand official =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(code, theirs);
        official.makeCustomHeaderToNet();
        assertThat(RemotingCommand.createRequest(code, ours).extFields()).isEqualTo(official.getExtFields());
    }

    private static RemotingCommand request(Map<String, String> fields) {
        return RemotingCommand.createRequest(RequestCode.AUTH_GET_USER).setExtFields(fields);
    }
}
