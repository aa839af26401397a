package io.nimbusmq.broker.processor;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.nimbusmq.broker.config.BrokerConfigView;
import io.nimbusmq.broker.config.RuntimeSettings;
import io.nimbusmq.remoting.RateLimitedLog;
import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.ConfigProperties;
import io.nimbusmq.remoting.protocol.body.DataVersion;
import io.nimbusmq.remoting.protocol.body.RemotingJson;
import io.nimbusmq.remoting.protocol.header.GetBrokerConfigResponseHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's configuration: GET_BROKER_CONFIG (26, {@code mqadmin getBrokerConfig}; properties text of
 * {@link BrokerConfigView} and the configuration's version) and UPDATE_BROKER_CONFIG (25, {@code mqadmin
 * updateBrokerConfig}; properties text, applied through {@link RuntimeSettings}, all or nothing). An update naming a
 * key that cannot change at runtime, or with a bad value, is refused with SYSTEM_ERROR and changes nothing.
 */
public final class BrokerConfigProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(BrokerConfigProcessor.class);
    private static final RateLimitedLog refusals = new RateLimitedLog(log, 60_000, Clock.systemUTC());

    private final BrokerConfigView view;
    private final RuntimeSettings settings;
    private final Supplier<InetSocketAddress> advertisedAddress;
    private final Clock clock;
    private final AtomicReference<DataVersion> version;

    public BrokerConfigProcessor(BrokerConfigView view, RuntimeSettings settings,
            Supplier<InetSocketAddress> advertisedAddress, Clock clock) {
        this.view = view;
        this.settings = settings;
        this.advertisedAddress = advertisedAddress;
        this.clock = clock;
        this.version = new AtomicReference<>(DataVersion.initial(clock.millis()));
    }

    public static int[] requestCodes() {
        return new int[] {RequestCode.GET_BROKER_CONFIG, RequestCode.UPDATE_BROKER_CONFIG};
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        if (request.code() == RequestCode.UPDATE_BROKER_CONFIG) {
            return update(context, request);
        }
        InetSocketAddress advertised = advertisedAddress.get();
        // the port this request came in on is the bound one (the configured one may be 0)
        int listenPort = context.channel().localAddress() instanceof InetSocketAddress bound ? bound.getPort()
                : advertised.getPort();
        Map<String, String> properties = view.properties(listenPort,
                advertised.getHostString() + ":" + advertised.getPort());
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                .writeHeader(new GetBrokerConfigResponseHeader(RemotingJson.toJson(version.get())))
                .setBody(ConfigProperties.encode(properties));
    }

    private RemotingCommand update(RequestContext context, RemotingCommand request) {
        Map<String, String> properties = ConfigProperties.decode(request.body());
        String refusal = settings.update(properties);
        if (refusal != null) {
            refusals.warn(String.valueOf(context.remoteAddress()), "Refused to update the broker configuration "
                    + "from {}: {}", context.remoteAddress(), RateLimitedLog.escape(refusal));
            return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, refusal);
        }
        version.updateAndGet(v -> v.next(clock.millis()));
        log.info("Broker configuration updated by {}: {}", context.remoteAddress(),
                RateLimitedLog.escape(properties.toString()));
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }
}
