package io.nimbusmq.broker.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import io.nimbusmq.message.MessageConst;
import io.nimbusmq.message.MessageIds;
import io.nimbusmq.message.StoredMessage;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check request as the official client decodes it ({@code ClientRemotingProcessor.checkTransactionState}). */
class CheckRequestsTests {

    @Test
    void theOfficialDecoderSeesTheMessageAsSentWithTheCopysOffsets(@TempDir Path dir) throws Exception {
        try (TransactionFixture fixture = new TransactionFixture(dir)) {
            StoredMessage half = fixture.sendHalf("Orders", 3, "order-17", Map.of("region", "eu"));
            StoredMessage copy = fixture.transactionLog.putAndLook(HalfMessages.checkCopy(half, 1));

            RemotingCommand request = CheckRequests.build(copy, TransactionFixture.STORE_HOST, "broker-a");
            MessageExt decoded = MessageDecoder.decode(ByteBuffer.wrap(request.body()));

            String uniqueKey = half.property(MessageConst.UNIQ_KEY);
            assertThat(request.code()).isEqualTo(RequestCode.CHECK_TRANSACTION_STATE);
            assertThat(request.extFields()).containsEntry("topic", "RMQ_SYS_TRANS_HALF_TOPIC")
                    .containsEntry("tranStateTableOffset", String.valueOf(copy.queueOffset()))
                    .containsEntry("commitLogOffset", String.valueOf(copy.physicalOffset()))
                    .containsEntry("offsetMsgId", MessageIds.offsetMessageId(TransactionFixture.STORE_HOST,
                            copy.physicalOffset()))
                    .containsEntry("msgId", uniqueKey).containsEntry("transactionId", uniqueKey)
                    .containsEntry("bname", "broker-a");
            assertThat(copy.queueOffset()).isEqualTo(half.queueOffset() + 1);
            assertThat(decoded).isNotNull();
            assertThat(decoded.getTopic()).isEqualTo("Orders");
            assertThat(decoded.getQueueId()).isEqualTo(3);
            assertThat(new String(decoded.getBody(), StandardCharsets.UTF_8)).isEqualTo("order-17");
            assertThat(decoded.getProperty("PGROUP")).isEqualTo(TransactionFixture.GROUP);
            assertThat(decoded.getProperty("UNIQ_KEY")).isEqualTo(uniqueKey);
            assertThat(decoded.getUserProperty("region")).isEqualTo("eu");
            assertThat(decoded.getProperty("TRANSACTION_CHECK_TIMES")).isEqualTo("1");
            assertThat(decoded.getQueueOffset()).isEqualTo(copy.queueOffset());
            assertThat(decoded.getCommitLogOffset()).isEqualTo(copy.physicalOffset());
            assertThat(decoded.getBornTimestamp()).isEqualTo(half.bornTimestamp());
            assertThat(decoded.getStoreSize()).isEqualTo(request.body().length);
        }
    }
}
