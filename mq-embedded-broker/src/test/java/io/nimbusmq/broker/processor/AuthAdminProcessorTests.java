package io.nimbusmq.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.broker.auth.acl2.UserPolicyStore;
import io.nimbusmq.remoting.acl.RequestSignature;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.auth.AclInfo;
import io.nimbusmq.remoting.protocol.body.auth.UserInfo;
import io.nimbusmq.remoting.protocol.header.AclRequestHeader;
import io.nimbusmq.remoting.protocol.header.DeleteAclRequestHeader;
import io.nimbusmq.remoting.protocol.header.ListAclsRequestHeader;
import io.nimbusmq.remoting.protocol.header.UserRequestHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AUTH_* answers mqadmin does not show: blank names, missing bodies, super users, reads of what is not there. */
class AuthAdminProcessorTests {

    private static final SessionCredentials ADMIN = new SessionCredentials("admin", "admin-password");
    private static final SessionCredentials APP = new SessionCredentials("app", "app-password");

    @TempDir
    Path dir;
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private AuthAdminProcessor processor;

    @BeforeEach
    void open() throws Exception {
        processor = new AuthAdminProcessor(UserPolicyStore.open(dir, ADMIN));
        assertThat(process(userRequest(RequestCode.AUTH_CREATE_USER, "app", new UserInfo(null, "app-password",
                null, null)), ADMIN).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void blankNamesAndMissingBodiesAreSystemErrors() {
        RemotingCommand blank = process(userRequest(RequestCode.AUTH_CREATE_USER, " ", new UserInfo(null, "pw", null,
                null)), ADMIN);
        RemotingCommand noBody = process(RemotingCommand.createRequest(RequestCode.AUTH_CREATE_USER,
                new UserRequestHeader("bob")), ADMIN);
        RemotingCommand noPolicies = process(RemotingCommand.createRequest(RequestCode.AUTH_CREATE_ACL,
                new AclRequestHeader("User:app")).setBody(RemotingJson.encode(new AclInfo(null, List.of()))), ADMIN);

        assertThat(blank.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(blank.remark()).isEqualTo("The username is blank");
        assertThat(noBody.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(noBody.remark()).contains("missing UserInfo body");
        assertThat(noPolicies.remark()).isEqualTo("The body of acl is null");
    }

    @Test
    void onlyASuperUserMakesOrChangesSuperUsers() {
        RemotingCommand bySuper = process(userRequest(RequestCode.AUTH_CREATE_USER, "root2", new UserInfo(null,
                "root2-password", "Super", null)), ADMIN);
        RemotingCommand byNormal = process(userRequest(RequestCode.AUTH_CREATE_USER, "root3", new UserInfo(null,
                "root3-password", "Super", null)), APP);
        RemotingCommand changeSuper = process(userRequest(RequestCode.AUTH_UPDATE_USER, "admin", new UserInfo(null,
                "stolen-password", null, null)), APP);
        RemotingCommand deleteSuper = process(RemotingCommand.createRequest(RequestCode.AUTH_DELETE_USER,
                new UserRequestHeader("admin")), APP);

        assertThat(bySuper.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(byNormal.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(byNormal.remark()).isEqualTo("The super user can only be create by super user");
        assertThat(changeSuper.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(changeSuper.remark()).isEqualTo("The super user can only be update by super user");
        assertThat(deleteSuper.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(body(process(RemotingCommand.createRequest(RequestCode.AUTH_GET_USER,
                new UserRequestHeader("admin")), ADMIN))).contains("\"password\":\"admin-password\"");
    }

    @Test
    void readsOfWhatIsNotThereAndRocketMqsRefusals() {
        RemotingCommand noSuchUser = process(RemotingCommand.createRequest(RequestCode.AUTH_GET_USER,
                new UserRequestHeader("nobody")), ADMIN);
        RemotingCommand noAcl = process(RemotingCommand.createRequest(RequestCode.AUTH_GET_ACL,
                new AclRequestHeader("User:app")), ADMIN);
        RemotingCommand noSubject = process(RemotingCommand.createRequest(RequestCode.AUTH_GET_ACL,
                new AclRequestHeader("User:nobody")), ADMIN);
        RemotingCommand twice = process(userRequest(RequestCode.AUTH_CREATE_USER, "app", new UserInfo(null,
                "pw", null, null)), ADMIN);
        RemotingCommand typo = process(RemotingCommand.createRequest(RequestCode.AUTH_DELETE_ACL,
                new DeleteAclRequestHeader("User:app", null, "Topc:orders")), ADMIN);
        RemotingCommand list = process(RemotingCommand.createRequest(RequestCode.AUTH_LIST_ACL,
                new ListAclsRequestHeader(null, null)), ADMIN);

        assertThat(noSuchUser.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(noSuchUser.body()).isNull();
        assertThat(noAcl.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(noAcl.body()).isNull();
        assertThat(noSubject.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(noSubject.remark()).isEqualTo("The subject is not exist.");
        assertThat(twice.remark()).isEqualTo("The user is existed");
        assertThat(typo.code()).as("a typo deletes nothing").isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(list.body()).isNull();
    }

    private static RemotingCommand userRequest(int code, String username, UserInfo body) {
        return RemotingCommand.createRequest(code, new UserRequestHeader(username)).setBody(RemotingJson.encode(body));
    }

    private RemotingCommand process(RemotingCommand request, SessionCredentials signer) {
        RequestSignature.sign(request, signer);
        return processor.processRequest(new RequestContext(channel, request), request);
    }

    private static String body(RemotingCommand response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
