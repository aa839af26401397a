package io.nimbusmq.broker.console.api;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import io.nimbusmq.broker.auth.AclRules;
import io.nimbusmq.broker.console.ConsoleConfig;
import io.nimbusmq.broker.console.ConsoleData;
import io.nimbusmq.broker.console.auth.AdminUsers;
import io.nimbusmq.broker.console.auth.Sessions;
import io.nimbusmq.broker.http.WebServer;
import io.nimbusmq.broker.http.WebServerConfig;
import io.nimbusmq.remoting.tls.TlsMode;
import io.nimbusmq.remoting.tls.TlsServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running console: its {@link WebServer} serving {@link ConsoleRoutes} over a {@link ConsoleData}. Logs its URL
 * when it starts, and warns when it can be reached from the network without a login.
 */
public final class ConsoleServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);

    private final WebServer server;
    private final ConsoleData data;

    private ConsoleServer(WebServer server, ConsoleData data) {
        this.server = server;
        this.data = data;
    }

    /**
     * @param userSources the access controls' users (ACL 2.0's, then ACL 1.0's); with any, a login is required,
     *     with none (access control off) not
     * @param sslContext serve HTTPS with this context (the broker's TLS certificate), or null for HTTP
     */
    public static ConsoleServer start(ConsoleConfig config, ConsoleData data, List<Supplier<AclRules>> userSources,
            SSLContext sslContext) {
        boolean login = !userSources.isEmpty();
        Sessions sessions = login ? new Sessions(config.sessionIdleMillis(), Clock.systemUTC()) : null;
        AdminUsers users = login ? new AdminUsers(userSources) : null;
        WebServerConfig web = WebServerConfig.of(config.bindHost(), config.port()).withSslContext(sslContext);
        WebServer server = WebServer.start(web, ConsoleRoutes.router(data, users, sessions, sslContext != null),
                "console-http");
        ConsoleServer console = new ConsoleServer(server, data);
        if (login) {
            log.info("Nimbus MQ console at {} (log in with an admin user of the access control)", console.url());
        } else if (config.loopbackOnly()) {
            log.info("Nimbus MQ console at {} (this machine only; no login: access control is off)", console.url());
        } else {
            log.warn("Nimbus MQ console at {} can be reached from the network WITHOUT a login: access control is "
                    + "off. Turn access control on, or bind the console to 127.0.0.1.", console.url());
        }
        return console;
    }

    /**
     * The JDK TLS context of the broker's certificate, for a console served over HTTPS when the broker's port has
     * TLS; null when TLS is disabled. Client certificates are not asked for: browsers log in instead.
     */
    public static SSLContext sslContext(TlsServerConfig tls) {
        if (tls.mode() == TlsMode.DISABLED) {
            return null;
        }
        try {
            SslContext context = SslContextBuilder.forServer(tls.certificateChain().toFile(), tls.privateKey().toFile(),
                    tls.privateKeyPassword()).sslProvider(SslProvider.JDK).build();
            return ((JdkSslContext) context).context();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot serve the console over HTTPS with " + tls.certificateChain()
                    + ": " + e.getMessage(), e);
        }
    }

    /** {@code http://host:port/}. */
    public String url() {
        return server.url();
    }

    public int port() {
        return server.address().getPort();
    }

    @Override
    public void close() {
        server.close();
        if (data instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Console data did not close cleanly", e);
            }
        }
    }
}
