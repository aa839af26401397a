package io.nimbusmq.client.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.nimbusmq.client.ClientConfig;
import io.nimbusmq.client.internal.producer.ReplyFutures;
import io.nimbusmq.client.internal.remoting.ClientRemoting;
import io.nimbusmq.client.internal.route.TopicRouteTable;

/**
 * What one client instance shares with its producers and consumers.
 *
 * @param scheduler     the instance's timer thread (route refresh, heartbeats, delayed pulls); never blocks
 * @param workers       where blocking follow-ups run (retries that may fetch a route, pulls, rebalances)
 * @param heartbeatNow  sends a heartbeat to every known broker now and waits for the answers (a group joined)
 */
public record ClientServices(ClientConfig config, String clientId, ClientRemoting remoting, TopicRouteTable routes,
        ScheduledExecutorService scheduler, ExecutorService workers, ReplyFutures replies, Runnable heartbeatNow) {

    /** The client's namespace, applied to every name producers, consumers and admin calls send. */
    public NamespaceNames names() {
        return new NamespaceNames(config.namespace());
    }

    public long requestTimeoutMillis() {
        return config.requestTimeout().toMillis();
    }
}
