package io.nimbusmq.namesrv;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.nimbusmq.remoting.dispatch.RequestContext;
import io.nimbusmq.remoting.dispatch.RequestProcessor;
import io.nimbusmq.remoting.protocol.RemotingCommand;
import io.nimbusmq.remoting.protocol.RequestCode;
import io.nimbusmq.remoting.protocol.ResponseCode;
import io.nimbusmq.remoting.protocol.body.ConfigProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's settings, as {@code mqadmin getNamesrvConfig} / {@code updateNamesrvConfig} read and change
 * them: GET_NAMESRV_CONFIG (319) answers properties text with RocketMQ's key names ({@code NamesrvConfig});
 * UPDATE_NAMESRV_CONFIG (318) changes {@code enableAllTopicList} and {@code enableTopicList} at once, all or
 * nothing. Any other key, or a value that is not {@code true}/{@code false}, is refused with SYSTEM_ERROR naming it.
 */
public final class NameServerConfigProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(NameServerConfigProcessor.class);
    private static final Set<String> UPDATABLE = Set.of("enableAllTopicList", "enableTopicList");

    private final AtomicReference<NameServerConfig> config;

    public NameServerConfigProcessor(AtomicReference<NameServerConfig> config) {
        this.config = config;
    }

    public static int[] requestCodes() {
        return new int[] {RequestCode.GET_NAMESRV_CONFIG, RequestCode.UPDATE_NAMESRV_CONFIG};
    }

    @Override
    public RemotingCommand processRequest(RequestContext context, RemotingCommand request) {
        if (request.code() == RequestCode.UPDATE_NAMESRV_CONFIG) {
            return update(context, request);
        }
        NameServerConfig current = config.get();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("enableAllTopicList", String.valueOf(current.enableAllTopicList()));
        properties.put("enableTopicList", String.valueOf(current.enableTopicList()));
        properties.put("scanNotActiveBrokerInterval", String.valueOf(current.scanIntervalMillis()));
        properties.put("orderMessageEnable", "false");
        properties.put("clusterTest", "false");
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null)
                .setBody(ConfigProperties.encode(properties));
    }

    private RemotingCommand update(RequestContext context, RemotingCommand request) {
        Map<String, String> properties = ConfigProperties.decode(request.body());
        Map<String, Boolean> changes = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            String value = entry.getValue().trim().toLowerCase(Locale.ROOT);
            if (!UPDATABLE.contains(entry.getKey())) {
                return refuse(request, "cannot change " + entry.getKey() + " while the name server runs; keys that "
                        + "can change: " + UPDATABLE);
            }
            if (!value.equals("true") && !value.equals("false")) {
                return refuse(request, entry.getKey() + " must be true or false: " + entry.getValue());
            }
            changes.put(entry.getKey(), Boolean.parseBoolean(value));
        }
        config.updateAndGet(c -> new NameServerConfig(c.scanIntervalMillis(),
                changes.getOrDefault("enableAllTopicList", c.enableAllTopicList()),
                changes.getOrDefault("enableTopicList", c.enableTopicList())));
        log.info("Name server configuration updated by {}: {}", context.remoteAddress(), changes);
        return RemotingCommand.createResponse(request, ResponseCode.SUCCESS, null);
    }

    private static RemotingCommand refuse(RemotingCommand request, String remark) {
        return RemotingCommand.createResponse(request, ResponseCode.SYSTEM_ERROR, remark);
    }
}
