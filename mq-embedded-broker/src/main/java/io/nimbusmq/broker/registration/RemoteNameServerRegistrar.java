package io.nimbusmq.broker.registration;

import io.nimbusmq.remoting.acl.RequestSignature;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RemotingVersion;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import io.nimbusmq.remoting.protocol.body.RegisterBrokerBody;
import io.nimbusmq.remoting.protocol.body.TopicConfig;
import io.nimbusmq.remoting.protocol.body.TopicConfigSerializeWrapper;
import io.nimbusmq.remoting.protocol.header.BrokerIdentityRequestHeader;
import io.nimbusmq.remoting.protocol.header.RegisterBrokerRequestHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a broker with name servers over the wire, exactly as a 5.3.1 broker does (remoting-protocol.md §3.1):
 * REGISTER_BROKER (103) at version 475 with header {@code brokerAddr brokerId brokerName clusterName haServerAddr
 * enableActingMaster=false compressed=false bodyCrc32} and a plain JSON {@link RegisterBrokerBody}, sent to every
 * configured address in parallel; UNREGISTER_BROKER (104) with {@code brokerAddr brokerId brokerName clusterName}.
 *
 * <p>A RocketMQ name server takes a registration with exactly one topic from a broker it does not know yet for the
 * increment a broker sends after creating a topic, and refuses it with SYSTEM_ERROR {@value #REGISTER_FAILED_REMARK}
 * (official brokers always have several system topics). When that happens this registrar registers the broker with
 * no topics first, then sends the one-topic registration again.
 *
 * <p>The {@link NettyRemotingClient} belongs to the caller, who closes it after the last {@link #unregister}.
 * Thread-safe.
 */
public final class RemoteNameServerRegistrar implements NameServerRegistrar {

    /** How long one name server may take to answer. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 6_000;
    /** RocketMQ's remark for a refused registration. */
    static final String REGISTER_FAILED_REMARK = "register broker failed";

    private static final Logger log = LoggerFactory.getLogger(RemoteNameServerRegistrar.class);

    private final NettyRemotingClient client;
    private final List<String> nameServerAddresses;
    private final long timeoutMillis;
    private final SessionCredentials credentials;

    /**
     * @param nameServerAddresses {@code "host:port"} of each name server; at least one
     * @param timeoutMillis       per name server, connecting included
     * @param credentials         signs every request (name servers with ACL on), or {@code null}
     */
    public RemoteNameServerRegistrar(NettyRemotingClient client, List<String> nameServerAddresses,
                                     long timeoutMillis, SessionCredentials credentials) {
        if (nameServerAddresses == null || nameServerAddresses.isEmpty()) {
            throw new IllegalArgumentException("at least one name server address is needed");
        }
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis must be positive: " + timeoutMillis);
        }
        this.client = client;
        this.nameServerAddresses = List.copyOf(nameServerAddresses);
        this.timeoutMillis = timeoutMillis;
        this.credentials = credentials;
    }

    /** Unsigned requests. */
    public RemoteNameServerRegistrar(NettyRemotingClient client, List<String> nameServerAddresses,
                                     long timeoutMillis) {
        this(client, nameServerAddresses, timeoutMillis, null);
    }

    /** Splits RocketMQ's {@code namesrvAddr} form, {@code "host1:9876;host2:9876"}, dropping blanks. */
    public static List<String> parseAddresses(String namesrvAddr) {
        if (namesrvAddr == null) {
            return List.of();
        }
        return Arrays.stream(namesrvAddr.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public List<String> nameServerAddresses() {
        return nameServerAddresses;
    }

    @Override
    public CompletableFuture<Void> register(BrokerIdentity broker, Collection<TopicConfig> topics,
                                            DataVersion dataVersion) {
        byte[] body = RegisterBrokerBody.of(TopicConfigSerializeWrapper.of(topics, dataVersion)).encode();
        if (topics.size() != 1) {
            return sendToAll("REGISTER_BROKER", address -> invoke(address, registerRequest(broker, body)));
        }
        byte[] withoutTopics = RegisterBrokerBody.of(TopicConfigSerializeWrapper.of(List.of(), dataVersion)).encode();
        return sendToAll("REGISTER_BROKER", address -> invoke(address, registerRequest(broker, body))
                .thenCompose(response -> isRefusedAsUnknown(response)
                        ? invoke(address, registerRequest(broker, withoutTopics))
                                .thenCompose(first -> first.code() == ResponseCode.SUCCESS
                                        ? invoke(address, registerRequest(broker, body))
                                        : CompletableFuture.completedFuture(first))
                        : CompletableFuture.completedFuture(response)));
    }

    @Override
    public CompletableFuture<Void> unregister(BrokerIdentity broker) {
        return sendToAll("UNREGISTER_BROKER", address -> invoke(address, unregisterRequest(broker)));
    }

    /** The REGISTER_BROKER request for {@code body}, with a fresh opaque. */
    static RemotingCommand registerRequest(BrokerIdentity broker, byte[] body) {
        return RemotingCommand.createRequest(RequestCode.REGISTER_BROKER, new RegisterBrokerRequestHeader(
                        broker.brokerName(), broker.brokerAddr(), broker.clusterName(), broker.haServerAddr(),
                        broker.brokerId(), null, false, false, RegisterBrokerBody.bodyCrc32(body)))
                .setVersion(RemotingVersion.V5_3_1)
                .setBody(body);
    }

    /** The UNREGISTER_BROKER request, with a fresh opaque. */
    static RemotingCommand unregisterRequest(BrokerIdentity broker) {
        return RemotingCommand.createRequest(RequestCode.UNREGISTER_BROKER, new BrokerIdentityRequestHeader(
                        broker.brokerName(), broker.brokerAddr(), broker.clusterName(), broker.brokerId()))
                .setVersion(RemotingVersion.V5_3_1);
    }

    private static boolean isRefusedAsUnknown(RemotingCommand response) {
        return response.code() == ResponseCode.SYSTEM_ERROR && REGISTER_FAILED_REMARK.equals(response.remark());
    }

    private CompletableFuture<RemotingCommand> invoke(String address, RemotingCommand request) {
        if (credentials != null) {
            RequestSignature.sign(request, credentials);
        }
        return client.invokeSync(address, request, timeoutMillis);
    }

    private CompletableFuture<Void> sendToAll(String what,
                                              Function<String, CompletableFuture<RemotingCommand>> exchange) {
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        for (String address : nameServerAddresses) {
            outcomes.add(exchange.apply(address)
                    .handle((response, failure) -> describeFailure(address, response, failure)));
        }
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<String> failures = outcomes.stream().map(CompletableFuture::join).filter(f -> f != null).toList();
            if (!failures.isEmpty()) {
                String message = what + " failed on " + failures.size() + " of " + nameServerAddresses.size()
                        + " name server(s): " + String.join("; ", failures);
                log.warn(message);
                throw new CompletionException(new NameServerRegistrationException(message));
            }
            log.debug("{} accepted by {}", what, nameServerAddresses);
            return null;
        });
    }

    /** {@code null} on success, else what went wrong with {@code address}. */
    private static String describeFailure(String address, RemotingCommand response, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return address + ": " + cause.getMessage();
        }
        if (response.code() != ResponseCode.SUCCESS) {
            return address + ": code " + response.code() + " " + response.remark();
        }
        return null;
    }
}
