package io.nimbusmq.namesrv;

import static org.assertj.core.api.Assertions.assertThat;

import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.Test;

class KvConfigProcessorTests {

    private final KvConfigTable table = new KvConfigTable();
    private final KvConfigProcessor processor = new KvConfigProcessor(table);

    @Test
    void putsGetsAndDeletesAValue() throws Exception {
        RemotingCommand put = Requests.process(processor, request(KvConfigProcessor.PUT_KV_CONFIG, "ns", "k")
                .putExtField("value", "v"));
        RemotingCommand get = Requests.process(processor, request(RequestCode.GET_KV_CONFIG, "ns", "k"));
        RemotingCommand delete = Requests.process(processor, request(KvConfigProcessor.DELETE_KV_CONFIG, "ns", "k"));

        assertThat(put.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(get.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(get.extFields()).containsEntry("value", "v");
        assertThat(delete.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(table.get("ns", "k")).isEmpty();
        assertThat(table.namespace("ns")).isEmpty();
    }

    @Test
    void answersQueryNotFoundForAnAbsentKey() throws Exception {
        RemotingCommand get = Requests.process(processor, request(RequestCode.GET_KV_CONFIG, "ns", "missing"));

        assertThat(get.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(get.remark()).isEqualTo("No config item, Namespace: ns Key: missing");
    }

    private static RemotingCommand request(int code, String namespace, String key) {
        return RemotingCommand.createRequest(code).putExtField("namespace", namespace).putExtField("key", key);
    }
}
