package io.nimbusmq.client.internal.remoting;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.nimbusmq.client.MqClientException;
import io.nimbusmq.message.SystemTopics;
import io.nimbusmq.remoting.acl.RequestSignature;
import io.nimbusmq.remoting.acl.SessionCredentials;
import io.nimbusmq.remoting.dispatch.ProcessorRegistry;
import io.nimbusmq.remoting.netty.ChannelEventListener;
import io.nimbusmq.remoting.netty.NettyRemotingClient;
import io.nimbusmq.remoting.netty.RemotingClientConfig;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.header.GetRouteInfoRequestHeader;
import io.nimbusmq.remoting.tls.TlsClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's wire: one {@link NettyRemotingClient} (one connection per broker or name-server address, broker-initiated
 * requests served by the given registry), name-server failover, and failures turned into {@link MqClientException}s.
 *
 * <p>With credentials, every request is signed right before it is sent (the official client's {@code AclClientRPCHook}).
 *
 * <p>Futures complete on Netty I/O threads: callers hop to their own executors before doing real work.
 */
public final class ClientRemoting implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClientRemoting.class);

    private final NettyRemotingClient client;
    private final NameServerSelector nameServers;
    private final SessionCredentials credentials;
    private final Reachability reachability;

    /**
     * @param credentials signs every request sent, or {@code null}
     * @param tls         TLS on every connection
     */
    public ClientRemoting(NameServerSelector nameServers, ProcessorRegistry registry, SessionCredentials credentials,
            TlsClientConfig tls) {
        this.nameServers = nameServers;
        this.credentials = credentials;
        this.reachability = new Reachability(nameServers.addresses(), Clock.systemUTC());
        this.client = new NettyRemotingClient(RemotingClientConfig.defaults().withUseEpoll(false).withTls(tls),
                registry, ChannelEventListener.NONE);
    }

    /** Whether each name server and broker answered its last request. */
    public Reachability reachability() {
        return reachability;
    }

    /** The configured name servers, in configuration order. */
    public List<String> nameServerAddresses() {
        return nameServers.addresses();
    }

    /**
     * A request to {@code address}; completes with the response whatever its code, or with an MqClientException
     * that names the operation, e.g. {@code GET_ROUTEINFO_BY_TOPIC (105) to 10.0.0.1:9876 failed: ...}.
     */
    public CompletableFuture<RemotingCommand> invoke(String address, RemotingCommand request, long timeoutMillis) {
        sign(request);
        int code = request.code();
        CompletableFuture<RemotingCommand> result = new CompletableFuture<>();
        client.invokeSync(address, request, timeoutMillis).whenComplete((response, failure) -> {
            if (failure == null) {
                reachability.answered(address);
                result.complete(response);
            } else {
                Throwable cause = unwrap(failure);
                if (Reachability.isUnreachable(cause)) {
                    reachability.unreachable(address, code, cause);
                }
                result.completeExceptionally(new MqClientException(RequestCode.describe(code) + " to "
                        + address + " failed: " + cause.getMessage(), cause));
            }
        });
        return result;
    }

    /**
     * Asks {@code address} a question every name server answers (the route of TBW102, found or not) and completes
     * with whether an answer came within {@code timeoutMillis}; the outcome is recorded in {@link #reachability()}.
     */
    public CompletableFuture<Boolean> probeNameServer(String address, long timeoutMillis) {
        RemotingCommand request = RemotingCommand.createRequest(RequestCode.GET_ROUTEINFO_BY_TOPIC,
                new GetRouteInfoRequestHeader(SystemTopics.AUTO_CREATE_TOPIC_KEY, null));
        return invoke(address, request, timeoutMillis).handle((response, failure) -> failure == null);
    }

    /** {@link #invoke} and wait; failures are thrown. */
    public RemotingCommand invokeBlocking(String address, RemotingCommand request, long timeoutMillis) {
        return await(invoke(address, request, timeoutMillis), timeoutMillis + 1_000);
    }

    /** A oneway request; failures are logged, not thrown. */
    public CompletableFuture<Void> invokeOneway(String address, RemotingCommand request) {
        sign(request);
        return client.invokeOneway(address, request).whenComplete((ignored, failure) -> {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (Reachability.isUnreachable(cause)) {
                    reachability.unreachable(address, request.code(), cause);
                }
                log.debug("Oneway {} to {} failed: {}", RequestCode.describe(request.code()), address,
                        cause.toString());
            }
        });
    }

    /**
     * A request to a name server: the current one, and each other one in turn after a connection failure or a timeout
     * (an error response is returned, not retried).
     */
    public RemotingCommand invokeNameServer(RemotingCommand request, long timeoutMillis) {
        return invokeNameServer(request, timeoutMillis, Long.MAX_VALUE);
    }

    /**
     * {@link #invokeNameServer(RemotingCommand, long)} within a budget: each attempt waits at most
     * {@code timeoutMillis} and never past {@code deadlineMillis} (epoch millis), and a failed round over the name
     * servers is tried once more while the budget lasts, so that one slow answer does not fail a send that still has
     * time (a route lookup under load).
     */
    public RemotingCommand invokeNameServer(RemotingCommand request, long timeoutMillis, long deadlineMillis) {
        MqClientException last = null;
        int attempts = deadlineMillis == Long.MAX_VALUE ? nameServers.size() : 2 * nameServers.size();
        for (int attempt = 0; attempt < attempts; attempt++) {
            long remaining = deadlineMillis == Long.MAX_VALUE ? timeoutMillis
                    : Math.min(timeoutMillis, deadlineMillis - System.currentTimeMillis());
            if (remaining <= 0) {
                break;
            }
            String address = nameServers.current();
            try {
                RemotingCommand copy = attempt == 0 ? request : copyWithNewOpaque(request);
                return invokeBlocking(address, copy, remaining);
            } catch (MqClientException e) {
                last = e;
                nameServers.failed(address);
                client.closeConnection(address);
            }
        }
        if (last == null) {
            throw new MqClientException(MqClientException.NO_RESPONSE, RequestCode.describe(request.code())
                    + " to the name servers " + nameServers.addresses() + ": no time left");
        }
        throw last;
    }

    /** Signs last, once every field is set: the signature covers the ext fields and the body (§9). */
    private void sign(RemotingCommand request) {
        if (credentials != null) {
            RequestSignature.sign(request, credentials);
        }
    }

    public void closeConnection(String address) {
        client.closeConnection(address);
    }

    @Override
    public void close() {
        client.close();
    }

    /** Waits for a future of this client, unwrapping its failure. */
    public static <T> T await(CompletableFuture<T> future, long timeoutMillis) {
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqClientException("interrupted", e);
        } catch (TimeoutException e) {
            throw new MqClientException("no answer within " + timeoutMillis + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof MqClientException mq) {
                throw mq;
            }
            throw new MqClientException(cause.getMessage(), cause);
        }
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static RemotingCommand copyWithNewOpaque(RemotingCommand request) {
        RemotingCommand copy = RemotingCommand.createRequest(request.code());
        copy.setExtFields(request.extFields());
        copy.setBody(request.body());
        copy.setFlag(request.flag());
        return copy;
    }
}
