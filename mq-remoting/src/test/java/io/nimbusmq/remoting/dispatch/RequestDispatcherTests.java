package io.nimbusmq.remoting.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.nimbusmq.remoting.LogLines;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.InvalidBodyException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestDispatcherTests {

    private static final int ECHO = 9001;
    private static final int FAIL = 9002;
    private static final int NEEDS_HEADER = 9003;
    private static final int DEFERRED = 9004;
    private static final int BUSY = 9005;
    private static final int OVERLOADED = 9006;

    private final ExecutorService direct = new DirectExecutorService(false);
    private final AtomicInteger processed = new AtomicInteger();
    private final AtomicReference<RequestContext> deferred = new AtomicReference<>();
    private final ResponseTable responseTable = new ResponseTable();
    private final EmbeddedChannel channel = new EmbeddedChannel(new RequestDispatcher(registry(), responseTable));

    private ProcessorRegistry registry() {
        ProcessorRegistry registry = new ProcessorRegistry();
        registry.register((ctx, request) -> {
            processed.incrementAndGet();
            return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, "echo")
                    .setExtFields(request.extFields());
        }, direct, ECHO);
        registry.register((ctx, request) -> {
            throw new IllegalStateException("boom");
        }, direct, FAIL);
        registry.register((ctx, request) -> RemotingCommand.createResponse(request, ResponseCode.SUCCESS,
                request.requiredString("topic") + ":" + request.requiredInt("queueId")), direct, NEEDS_HEADER);
        registry.register((ctx, request) -> {
            deferred.set(ctx);
            return null;
        }, direct, DEFERRED);
        registry.register(new RequestProcessor() {
            @Override
            public RemotingCommand processRequest(RequestContext ctx, RemotingCommand request) {
                throw new AssertionError("must not run while rejecting");
            }

            @Override
            public boolean rejectRequest() {
                return true;
            }
        }, direct, BUSY);
        registry.register((ctx, request) -> null, new DirectExecutorService(true), OVERLOADED);
        registry.preprocessor(ctx -> "deny".equals(ctx.request().optionalString("guard"))
                ? RemotingCommand.createResponse(ctx.request(), ResponseCode.NO_PERMISSION, "refused by the guard")
                : null);
        return registry;
    }

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    private RemotingCommand answerTo(RemotingCommand request) {
        channel.writeInbound(request);
        return channel.readOutbound();
    }

    @Test
    void answersRegisteredProcessorWithRequestOpaque() {
        RemotingCommand request = RemotingCommand.createRequest(ECHO).putExtField("k", "v");

        RemotingCommand response = answerTo(request);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.opaque()).isEqualTo(request.opaque());
        assertThat(response.isResponse()).isTrue();
        assertThat(response.extFields()).containsEntry("k", "v");
    }

    @Test
    void answersUnknownCodeWithNotSupported() {
        RemotingCommand request = RemotingCommand.createRequest(4242);

        RemotingCommand response = answerTo(request);

        assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertThat(response.remark()).isEqualTo(" request type 4242 not supported");
        assertThat(response.opaque()).isEqualTo(request.opaque());
    }

    @Test
    void answersProcessorExceptionWithSystemError() {
        RemotingCommand response = answerTo(RemotingCommand.createRequest(FAIL));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo("IllegalStateException: boom");
    }

    @Test
    void answersMissingHeaderFieldWithSystemErrorNamingTheField() {
        RemotingCommand response = answerTo(RemotingCommand.createRequest(NEEDS_HEADER).putExtField("queueId", 1));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("'topic'").contains("missing");
    }

    @Test
    void answersInvalidHeaderFieldWithSystemErrorNamingFieldAndValue() {
        RemotingCommand response = answerTo(RemotingCommand.createRequest(NEEDS_HEADER)
                .putExtField("topic", "T").putExtField("queueId", "x1"));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("'queueId'").contains("'x1'");
    }

    @Test
    void answersFullExecutorWithOverload() {
        RemotingCommand response = answerTo(RemotingCommand.createRequest(OVERLOADED));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_BUSY);
        assertThat(response.remark()).startsWith("[OVERLOAD]");
    }

    @Test
    void answersRejectingProcessorWithRejectRequest() {
        RemotingCommand response = answerTo(RemotingCommand.createRequest(BUSY));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_BUSY);
        assertThat(response.remark()).startsWith("[REJECTREQUEST]");
    }

    @Test
    void neverAnswersOnewayRequests() {
        for (int code : new int[] {ECHO, FAIL, NEEDS_HEADER, BUSY, OVERLOADED, 4242}) {
            channel.writeInbound(RemotingCommand.createOnewayRequest(code));
        }

        assertThat(processed).hasValue(1);
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void sendsNothingForNullAndLetsTheProcessorAnswerLater() {
        RemotingCommand request = RemotingCommand.createRequest(DEFERRED);

        assertThat(answerTo(request)).isNull();
        deferred.get().writeResponse(new RemotingCommand().setCode(ResponseCode.PULL_NOT_FOUND));
        RemotingCommand late = channel.readOutbound();

        assertThat(late.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(late.opaque()).isEqualTo(request.opaque());
        assertThat(late.isResponse()).isTrue();
        assertThat(deferred.get().channel()).isSameAs(channel);
        assertThat(deferred.get().remoteAddress()).isNotNull();
    }

    @Test
    void routesResponsesToTheResponseTableNotToProcessors() throws Exception {
        RemotingCommand ourRequest = RemotingCommand.createRequest(ECHO);
        CompletableFuture<RemotingCommand> pending = responseTable.register(channel, ourRequest, 10_000);
        RemotingCommand peerResponse = RemotingCommand.createResponse(ourRequest, ResponseCode.SUCCESS, "from peer");

        channel.writeInbound(peerResponse);

        assertThat(pending.get(30, TimeUnit.SECONDS).remark()).isEqualTo("from peer");
        assertThat(processed).hasValue(0);
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(responseTable.pendingCount()).isZero();
    }

    @Test
    void dropsResponsesNobodyWaitsFor() {
        RemotingCommand stray = new RemotingCommand().setCode(ResponseCode.SUCCESS).setOpaque(-99).markResponse();

        channel.writeInbound(stray);

        assertThat(processed).hasValue(0);
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void runsProcessorsOnTheirExecutor() throws Exception {
        ExecutorService executor = ProcessorExecutors.bounded("dispatch-test", 1, 10);
        try {
            CompletableFuture<String> thread = new CompletableFuture<>();
            ProcessorRegistry registry = new ProcessorRegistry().register((ctx, request) -> {
                thread.complete(Thread.currentThread().getName());
                return null;
            }, executor, ECHO);
            EmbeddedChannel other = new EmbeddedChannel(new RequestDispatcher(registry, new ResponseTable()));

            other.writeInbound(RemotingCommand.createRequest(ECHO));

            assertThat(thread.get(30, TimeUnit.SECONDS)).startsWith("dispatch-test-");
            other.finishAndReleaseAll();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aPreprocessorRefusalIsAnsweredAndTheProcessorNeverRuns() {
        RemotingCommand refused = answerTo(RemotingCommand.createRequest(ECHO).putExtField("guard", "deny"));
        RemotingCommand allowed = answerTo(RemotingCommand.createRequest(ECHO).putExtField("guard", "allow"));

        assertThat(refused.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(refused.remark()).isEqualTo("refused by the guard");
        assertThat(allowed.code()).as("the same channel keeps serving").isEqualTo(ResponseCode.SUCCESS);
        assertThat(processed).hasValue(1);
    }

    @Test
    void aRefusedOnewayRequestIsNotAnswered() {
        channel.writeInbound(RemotingCommand.createOnewayRequest(ECHO).putExtField("guard", "deny"));

        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(processed).hasValue(0);
    }

    @Test
    void aPeerSendingBadBodiesGetsClearAnswersAndOneEscapedLineWithoutAStackTrace() {
        ProcessorRegistry registry = new ProcessorRegistry();
        registry.register((ctx, request) -> {
            throw new InvalidBodyException("cannot read HeartbeatData body: Unexpected character ('\u0001' (code 1))",
                    null);
        }, direct, FAIL);
        EmbeddedChannel peer = new EmbeddedChannel(new RequestDispatcher(registry, responseTable)) {
            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress("192.0.2.77", 40_000);
            }
        };
        try (LogLines logs = new LogLines(RequestDispatcher.class)) {
            for (int i = 0; i < 30; i++) {
                peer.writeInbound(RemotingCommand.createRequest(FAIL));
                RemotingCommand response = peer.readOutbound();
                assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
                assertThat(response.remark()).startsWith("cannot read HeartbeatData body");
            }
            assertThat(logs.containing("192.0.2.77")).singleElement().satisfies(line -> {
                assertThat(line.getThrowableProxy()).as("no stack trace for bad input").isNull();
                assertThat(line.getFormattedMessage()).contains("\\x01").doesNotContain("\u0001");
            });
        } finally {
            peer.finishAndReleaseAll();
        }
    }
}
