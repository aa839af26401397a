package io.nimbusmq.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.broker.client.RebalanceLockManager;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.body.client.LockBatchRequestBody;
import io.nimbusmq.remoting.protocol.body.client.LockBatchResponseBody;
import io.nimbusmq.remoting.protocol.body.client.MessageQueue;
import io.nimbusmq.remoting.protocol.body.client.UnlockBatchRequestBody;
import io.nimbusmq.broker.time.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LockProcessorTests {

    private static final MessageQueue Q0 = new MessageQueue("T", "broker-a", 0);
    private static final MessageQueue Q1 = new MessageQueue("T", "broker-a", 1);

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final RebalanceLockManager locks = new RebalanceLockManager();
    private final LockProcessor processor =
            new LockProcessor(locks, Clock.fixed(Instant.ofEpochMilli(5_000), ZoneOffset.UTC));

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    @Test
    void lockAnswersQueuesNowHeld() {
        RemotingCommand first = send(lockRequest("client-a", Q0));
        RemotingCommand second = send(lockRequest("client-b", Q0, Q1));

        assertThat(first.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(lockedIn(first)).containsExactly(Q0);
        assertThat(lockedIn(second)).containsExactly(Q1);
        assertThat(locks.lockHolder("cgo", Q0, 5_000)).contains("client-a");
    }

    @Test
    void relockingOwnQueuesReturnsThemAgain() {
        send(lockRequest("client-a", Q0));

        assertThat(lockedIn(send(lockRequest("client-a", Q0, Q1)))).containsExactlyInAnyOrder(Q0, Q1);
    }

    @Test
    void unlockReleasesOwnLocksEvenWhenOneway() {
        send(lockRequest("client-a", Q0));
        send(lockRequest("client-b", Q1));

        RemotingCommand unlock = unlockRequest("client-a", Q0, Q1).markOneway();
        RemotingCommand response = send(unlock);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(locks.isLocked("cgo", Q0, 5_000)).isFalse();
        assertThat(locks.lockHolder("cgo", Q1, 5_000)).contains("client-b");
    }

    @Test
    void aLockExpiresSixtySecondsAfterItsLastRenewalAndOnlyThenPassesToAnotherClient() {
        ManualClock clock = new ManualClock(Instant.ofEpochMilli(1_000_000));
        LockProcessor timed = new LockProcessor(new RebalanceLockManager(), clock);
        assertThat(lockedIn(send(timed, lockRequest("client-a", Q0)))).containsExactly(Q0);

        clock.advance(Duration.ofSeconds(20));
        assertThat(lockedIn(send(timed, lockRequest("client-a", Q0)))).as("renewal").containsExactly(Q0);
        clock.advance(Duration.ofSeconds(60));
        assertThat(lockedIn(send(timed, lockRequest("client-b", Q0)))).as("60 s after the renewal").isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(lockedIn(send(timed, lockRequest("client-b", Q0)))).as("expired").containsExactly(Q0);
        assertThat(lockedIn(send(timed, lockRequest("client-a", Q0)))).as("the old holder lost it").isEmpty();
        send(timed, unlockRequest("client-a", Q0));
        clock.advance(Duration.ofSeconds(59));
        assertThat(lockedIn(send(timed, lockRequest("client-a", Q0))))
                .as("the old holder's unlock released nothing").isEmpty();
    }

    @Test
    void lockWithoutClientIdIsSystemError() {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.LOCK_BATCH_MQ)
                .setBody("{\"consumerGroup\":\"cgo\",\"mqSet\":[]}".getBytes());

        RemotingCommand response = send(request);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
    }

    @Test
    void declaresItsRequestCodes() {
        assertThat(LockProcessor.requestCodes()).containsExactlyInAnyOrder(41, 42);
    }

    private RemotingCommand send(RemotingCommand request) {
        return send(processor, request);
    }

    private RemotingCommand send(LockProcessor target, RemotingCommand request) {
        return target.processRequest(new RequestContext(channel, request), request);
    }

    private static Set<MessageQueue> lockedIn(RemotingCommand response) {
        return RemotingJson.decode(response.body(), LockBatchResponseBody.class).lockOKMQSet();
    }

    private static RemotingCommand lockRequest(String clientId, MessageQueue... queues) {
        return RemotingCommand.createRequest(RequestCode.LOCK_BATCH_MQ)
                .setBody(RemotingJson.encode(new LockBatchRequestBody(clientId, "cgo", Set.of(queues), false)));
    }

    private static RemotingCommand unlockRequest(String clientId, MessageQueue... queues) {
        return RemotingCommand.createRequest(RequestCode.UNLOCK_BATCH_MQ)
                .setBody(RemotingJson.encode(new UnlockBatchRequestBody(clientId, "cgo", Set.of(queues), false)));
    }
}
