package io.nimbusmq.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

import io.nimbusmq.client.consumer.ConsumeMode;
import io.nimbusmq.client.consumer.SelectorType;
import io.nimbusmq.remoting.protocol.body.client.ConsumeFromWhere;
import io.nimbusmq.remoting.protocol.body.client.MessageModel;
import io.nimbusmq.spring.admin.MqTopic;
import io.nimbusmq.spring.listener.ListenerStartup;

/**
 * Nimbus MQ settings under {@code mq.}. With no {@code mq.name-server}, an embedded development broker is started.
 */
@ConfigurationProperties("mq")
public class MqProperties {

    /**
     * Name server addresses, "host:port" separated by ";". Unset: an embedded broker is started in the application
     * (see mq.embedded).
     */
    private String nameServer;

    /**
     * Access key signing every request (brokers with ACL on); unset for unsigned requests. Producers and listeners
     * may have their own (mq.producer.access-key, mq.listeners.<group>.access-key).
     */
    private String accessKey;

    /** Secret key of mq.access-key. Never logged. */
    private String secretKey;

    private final Tls tls = new Tls();

    private final Client client = new Client();

    private final Producer producer = new Producer();

    private final Consumer consumer = new Consumer();

    private final Listener listener = new Listener();

    /**
     * Per-listener switches and overrides, by consumer group: mq.listeners.<group>.enabled, .access-key, .secret-key
     * (the listener's own credentials), .consume-threads, .max-reconsume-times.
     */
    private final Map<String, ListenerOverride> listeners = new LinkedHashMap<>();

    private final Embedded embedded = new Embedded();

    /** Topics the application declares, by name: created at start-up where allowed, checked elsewhere. */
    private final Map<String, Topic> topics = new LinkedHashMap<>();

    private final Admin admin = new Admin();

    /**
     * RocketMQ namespace of every topic and group of the default connection, as the official client's setNamespace:
     * the application names "orders", the brokers see "<namespace>%orders". Letters, digits, '_' and '-'.
     */
    private String namespace;

    /**
     * RocketMQ's access channel, LOCAL or CLOUD, as rocketmq.access-channel. In RocketMQ it only changes where message
     * traces go (CLOUD: rmq_sys_TRACE_DATA_<region>); Nimbus MQ sends no RocketMQ message traces, so both values
     * behave alike.
     */
    private AccessChannel accessChannel = AccessChannel.LOCAL;

    /** Named connections to other clusters (or namespaces, or credentials), by name; see MqConnectionProperties. */
    private final Map<String, MqConnectionProperties> connections = new LinkedHashMap<>();

    /** The pull consumer of MqTemplate.receive(...). */
    @org.springframework.boot.context.properties.NestedConfigurationProperty
    private final MqPullConsumerProperties pullConsumer = new MqPullConsumerProperties();

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public AccessChannel getAccessChannel() {
        return accessChannel;
    }

    public void setAccessChannel(AccessChannel accessChannel) {
        this.accessChannel = accessChannel;
    }

    public Map<String, MqConnectionProperties> getConnections() {
        return connections;
    }

    public MqPullConsumerProperties getPullConsumer() {
        return pullConsumer;
    }

    public Map<String, Topic> getTopics() {
        return topics;
    }

    public Admin getAdmin() {
        return admin;
    }

    public static class Topic {

        /** Read and write queues per broker. */
        private int queues = 4;

        /** RocketMQ 5 message type: NORMAL, FIFO, DELAY or TRANSACTION. */
        private MqTopic.MessageType messageType = MqTopic.MessageType.NORMAL;

        public int getQueues() {
            return queues;
        }

        public void setQueues(int queues) {
            this.queues = queues;
        }

        public MqTopic.MessageType getMessageType() {
            return messageType;
        }

        public void setMessageType(MqTopic.MessageType messageType) {
            this.messageType = messageType;
        }
    }

    public static class Admin {

        /** Whether declared topics that do not exist are created (UPDATE_AND_CREATE_TOPIC to every master). */
        private boolean createTopics = true;

        /** Whether the start fails when a declared topic is missing (neither found nor created). */
        private boolean failFast;

        public boolean isCreateTopics() {
            return createTopics;
        }

        public void setCreateTopics(boolean createTopics) {
            this.createTopics = createTopics;
        }

        public boolean isFailFast() {
            return failFast;
        }

        public void setFailFast(boolean failFast) {
            this.failFast = failFast;
        }
    }

    public String getNameServer() {
        return nameServer;
    }

    public void setNameServer(String nameServer) {
        this.nameServer = nameServer;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public Tls getTls() {
        return tls;
    }

    public Client getClient() {
        return client;
    }

    /** Access key and secret key as a pair, like the official client's session credentials. */
    public interface Credentials {

        String getAccessKey();

        String getSecretKey();
    }

    public static class Tls {

        /** Whether connections to name servers and brokers use TLS. */
        private boolean enabled;

        /**
         * PEM file of the CAs broker certificates must chain to. Unset: the JVM's default trust store.
         */
        private Path trustCertificates;

        /**
         * Whether the broker's certificate is verified. false accepts any certificate (the official client's default;
         * for self-signed development brokers only).
         */
        private boolean verifyServer = true;

        /** PEM client certificate, for brokers that require client certificates (mutual TLS). */
        private Path certificate;

        /** PEM PKCS#8 private key of mq.tls.certificate. */
        private Path privateKey;

        /** Password of mq.tls.private-key, if encrypted. Never logged. */
        private String privateKeyPassword;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Path getTrustCertificates() {
            return trustCertificates;
        }

        public void setTrustCertificates(Path trustCertificates) {
            this.trustCertificates = trustCertificates;
        }

        public boolean isVerifyServer() {
            return verifyServer;
        }

        public void setVerifyServer(boolean verifyServer) {
            this.verifyServer = verifyServer;
        }

        public Path getCertificate() {
            return certificate;
        }

        public void setCertificate(Path certificate) {
            this.certificate = certificate;
        }

        public Path getPrivateKey() {
            return privateKey;
        }

        public void setPrivateKey(Path privateKey) {
            this.privateKey = privateKey;
        }

        public String getPrivateKeyPassword() {
            return privateKeyPassword;
        }

        public void setPrivateKeyPassword(String privateKeyPassword) {
            this.privateKeyPassword = privateKeyPassword;
        }
    }

    public Producer getProducer() {
        return producer;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public Listener getListener() {
        return listener;
    }

    public Map<String, ListenerOverride> getListeners() {
        return listeners;
    }

    public Embedded getEmbedded() {
        return embedded;
    }

    public static class Client {

        /**
         * Second half of the client id (ip@instance-name). Default: the application name, process id and a counter,
         * unique per application context.
         */
        private String instanceName;

        /** Default timeout of a request to a name server or broker. */
        private Duration requestTimeout = Duration.ofSeconds(3);

        /** Interval of heartbeats to brokers. */
        private Duration heartbeatInterval = Duration.ofSeconds(30);

        /** Interval of topic route refreshes from the name server. */
        private Duration routeRefreshInterval = Duration.ofSeconds(30);

        /**
         * Whether the application fails to start when no name server answers within mq.client.request-timeout.
         * Off: it starts, logs a WARN per unreachable name server and broker, and its health is DOWN.
         */
        private boolean failFast;

        public boolean isFailFast() {
            return failFast;
        }

        public void setFailFast(boolean failFast) {
            this.failFast = failFast;
        }

        public String getInstanceName() {
            return instanceName;
        }

        public void setInstanceName(String instanceName) {
            this.instanceName = instanceName;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        public Duration getHeartbeatInterval() {
            return heartbeatInterval;
        }

        public void setHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
        }

        public Duration getRouteRefreshInterval() {
            return routeRefreshInterval;
        }

        public void setRouteRefreshInterval(Duration routeRefreshInterval) {
            this.routeRefreshInterval = routeRefreshInterval;
        }
    }

    public static class Producer implements Credentials {

        /** Producer group of the template. Default: "<spring.application.name>-producer". */
        private String group;

        /** Access key of the template's and transaction listeners' producers. Default: mq.access-key. */
        private String accessKey;

        /** Secret key of mq.producer.access-key. Never logged. */
        private String secretKey;

        @Override
        public String getAccessKey() {
            return accessKey;
        }

        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        @Override
        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        /**
         * Producer group of transaction listeners that name none. Default: the producer group followed by "-tx".
         */
        private String transactionGroup;

        /** Timeout of one send, retries included. */
        private Duration sendTimeout = Duration.ofSeconds(3);

        /** Extra attempts of a synchronous send on a retryable error. */
        private int retryTimesWhenSendFailed = 2;

        /** Extra attempts of an asynchronous send on a retryable error. */
        private int retryTimesWhenSendAsyncFailed = 2;

        /** Bodies larger than this are compressed. */
        private DataSize compressThreshold = DataSize.ofKilobytes(4);

        /** Larger bodies are refused before sending. */
        private DataSize maxMessageSize = DataSize.ofMegabytes(4);

        /** How long a request-reply send waits for its reply, unless SendOptions says otherwise. */
        private Duration replyTimeout = Duration.ofSeconds(3);

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public String getTransactionGroup() {
            return transactionGroup;
        }

        public void setTransactionGroup(String transactionGroup) {
            this.transactionGroup = transactionGroup;
        }

        public Duration getSendTimeout() {
            return sendTimeout;
        }

        public void setSendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
        }

        public int getRetryTimesWhenSendFailed() {
            return retryTimesWhenSendFailed;
        }

        public void setRetryTimesWhenSendFailed(int retryTimesWhenSendFailed) {
            this.retryTimesWhenSendFailed = retryTimesWhenSendFailed;
        }

        public int getRetryTimesWhenSendAsyncFailed() {
            return retryTimesWhenSendAsyncFailed;
        }

        public void setRetryTimesWhenSendAsyncFailed(int retryTimesWhenSendAsyncFailed) {
            this.retryTimesWhenSendAsyncFailed = retryTimesWhenSendAsyncFailed;
        }

        public DataSize getCompressThreshold() {
            return compressThreshold;
        }

        public void setCompressThreshold(DataSize compressThreshold) {
            this.compressThreshold = compressThreshold;
        }

        public DataSize getMaxMessageSize() {
            return maxMessageSize;
        }

        public void setMaxMessageSize(DataSize maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
        }

        public Duration getReplyTimeout() {
            return replyTimeout;
        }

        public void setReplyTimeout(Duration replyTimeout) {
            this.replyTimeout = replyTimeout;
        }
    }

    public static class Consumer {

        /** Listener threads per consumer group, unless the annotation says otherwise. */
        private int consumeThreads = 20;

        /**
         * Retries before a message is dead-lettered, unless the annotation says otherwise; -1 for the client default
         * (16 for concurrent listeners, unbounded for orderly ones).
         */
        private int maxReconsumeTimes = -1;

        /** Messages per pull request. */
        private int pullBatchSize = 32;

        /** Where a new consumer group starts reading. */
        private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;

        /**
         * Where CONSUME_FROM_TIMESTAMP starts a queue without a committed offset: an ISO-8601 instant
         * (2026-01-31T08:00:00Z) or yyyyMMddHHmmss in the JVM's zone, as RocketMQ's consumeTimestamp; unset for 30
         * minutes before the listener starts. A listener's consumeTimestamp attribute takes precedence.
         */
        private String consumeTimestamp;

        public String getConsumeTimestamp() {
            return consumeTimestamp;
        }

        public void setConsumeTimestamp(String consumeTimestamp) {
            this.consumeTimestamp = consumeTimestamp;
        }

        /** How long shutdown waits for in-flight messages before committing offsets and leaving. */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        /**
         * Where BROADCASTING consumers keep their offsets, in "<group>/<instance-name or default>/offsets.json" (a
         * second live consumer of the group on this machine uses "default-2"). Default:
         * ~/.nimbusmq/offsets/<spring.application.name>.
         */
        private Path offsetStoreDir;

        /**
         * Whether a listener asks the brokers for its consumer group's live members before it starts, and fails the
         * start when members of other applications subscribe differently (other topics, selector or message model).
         */
        private boolean checkGroupConsistency = true;

        /**
         * Whether JSON payloads are read strictly: a property the target type does not have, or a missing or null
         * constructor (record) parameter, fails the conversion (and the message goes to the dead-letter queue)
         * instead of arriving as an object with null fields.
         */
        private boolean strictJson;

        public boolean isStrictJson() {
            return strictJson;
        }

        public void setStrictJson(boolean strictJson) {
            this.strictJson = strictJson;
        }

        public int getConsumeThreads() {
            return consumeThreads;
        }

        public void setConsumeThreads(int consumeThreads) {
            this.consumeThreads = consumeThreads;
        }

        public int getMaxReconsumeTimes() {
            return maxReconsumeTimes;
        }

        public void setMaxReconsumeTimes(int maxReconsumeTimes) {
            this.maxReconsumeTimes = maxReconsumeTimes;
        }

        public int getPullBatchSize() {
            return pullBatchSize;
        }

        public void setPullBatchSize(int pullBatchSize) {
            this.pullBatchSize = pullBatchSize;
        }

        public ConsumeFromWhere getConsumeFromWhere() {
            return consumeFromWhere;
        }

        public void setConsumeFromWhere(ConsumeFromWhere consumeFromWhere) {
            this.consumeFromWhere = consumeFromWhere;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public Path getOffsetStoreDir() {
            return offsetStoreDir;
        }

        public void setOffsetStoreDir(Path offsetStoreDir) {
            this.offsetStoreDir = offsetStoreDir;
        }

        public boolean isCheckGroupConsistency() {
            return checkGroupConsistency;
        }

        public void setCheckGroupConsistency(boolean checkGroupConsistency) {
            this.checkGroupConsistency = checkGroupConsistency;
        }
    }

    public static class Listener {

        /**
         * When listeners start pulling: READY (application ready), REFRESH (context refresh) or MANUAL
         * (MessageListenerContainerRegistry.startContainers()).
         */
        private ListenerStartup startup = ListenerStartup.READY;

        /**
         * Exception types a listener's failure is not retried for: the message goes to the dead-letter topic at once
         * (besides MessageConversionException, ConversionException, MethodArgumentResolutionException and
         * ClassCastException, which never are). A failure matches when it or one of its causes is of such a type.
         */
        private List<Class<? extends Throwable>> notRetryableExceptions = new ArrayList<>();

        /** How often the mq.listener.lag gauges ask the brokers for their queues' offsets. */
        private Duration lagInterval = Duration.ofSeconds(30);

        public Duration getLagInterval() {
            return lagInterval;
        }

        public void setLagInterval(Duration lagInterval) {
            this.lagInterval = lagInterval;
        }

        public List<Class<? extends Throwable>> getNotRetryableExceptions() {
            return notRetryableExceptions;
        }

        public void setNotRetryableExceptions(List<Class<? extends Throwable>> notRetryableExceptions) {
            this.notRetryableExceptions = notRetryableExceptions;
        }

        public ListenerStartup getStartup() {
            return startup;
        }

        public void setStartup(ListenerStartup startup) {
            this.startup = startup;
        }
    }

    public static class ListenerOverride implements Credentials {

        /** Whether the listener of this consumer group runs. */
        private boolean enabled = true;

        /** Access key of this listener's consumer. Default: mq.access-key. */
        private String accessKey;

        /** Secret key of this listener's access key. Never logged. */
        private String secretKey;

        @Override
        public String getAccessKey() {
            return accessKey;
        }

        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        @Override
        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        /** Overrides the listener's thread count. */
        private Integer consumeThreads;

        /** Overrides the listener's max reconsume times. */
        private Integer maxReconsumeTimes;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Integer getConsumeThreads() {
            return consumeThreads;
        }

        public void setConsumeThreads(Integer consumeThreads) {
            this.consumeThreads = consumeThreads;
        }

        public Integer getMaxReconsumeTimes() {
            return maxReconsumeTimes;
        }

        public void setMaxReconsumeTimes(Integer maxReconsumeTimes) {
            this.maxReconsumeTimes = maxReconsumeTimes;
        }


        /** Overrides the batch size of a batch listener. */
        private Integer batchSize;

        /** Overrides the listener's consume timeout (not-responsive events, deferred acknowledgements). */
        private Duration consumeTimeout;

        /** Overrides the pause after each pull that found messages. */
        private Duration pullInterval;

        /** Overrides the listener's rate limit, in messages per second (> 0). */
        private Double rateLimit;

        /** Overrides how many waiting messages of a queue stop its pulls. */
        private Integer pullThresholdForQueue;

        /** Overrides how many MiB of waiting messages of a queue stop its pulls. */
        private Integer pullThresholdSizeForQueueMib;

        /** Overrides the ORDERLY suspend time before a failed message is retried. */
        private Duration suspendTime;

        /** Overrides the retry schedule: delay levels ("3, 5, 9") or durations ("10s, 1m, 10m"). */
        private String retryDelays;

        /** Overrides the time without messages after which a ListenerIdleEvent is published. */
        private Duration idleEventInterval;

        /** Overrides the selector type (of a listener with one topic). */
        private SelectorType selectorType;

        /** Overrides the selector expression (of a listener with one topic). */
        private String selectorExpression;

        /** Overrides the message model. */
        private MessageModel messageModel;

        /** Overrides the consume mode. */
        private ConsumeMode consumeMode;

        /** Overrides whether the listener starts with the others. */
        private Boolean autoStartup;

        /** Overrides the bean name of the listener's container factory. */
        private String containerFactory;

        /** Overrides the bean name of the listener's error handler. */
        private String errorHandler;

        public Integer getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(Integer batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getConsumeTimeout() {
            return consumeTimeout;
        }

        public void setConsumeTimeout(Duration consumeTimeout) {
            this.consumeTimeout = consumeTimeout;
        }

        public Duration getPullInterval() {
            return pullInterval;
        }

        public void setPullInterval(Duration pullInterval) {
            this.pullInterval = pullInterval;
        }

        public Double getRateLimit() {
            return rateLimit;
        }

        public void setRateLimit(Double rateLimit) {
            this.rateLimit = rateLimit;
        }

        public Integer getPullThresholdForQueue() {
            return pullThresholdForQueue;
        }

        public void setPullThresholdForQueue(Integer pullThresholdForQueue) {
            this.pullThresholdForQueue = pullThresholdForQueue;
        }

        public Integer getPullThresholdSizeForQueueMib() {
            return pullThresholdSizeForQueueMib;
        }

        public void setPullThresholdSizeForQueueMib(Integer pullThresholdSizeForQueueMib) {
            this.pullThresholdSizeForQueueMib = pullThresholdSizeForQueueMib;
        }

        public Duration getSuspendTime() {
            return suspendTime;
        }

        public void setSuspendTime(Duration suspendTime) {
            this.suspendTime = suspendTime;
        }

        public String getRetryDelays() {
            return retryDelays;
        }

        public void setRetryDelays(String retryDelays) {
            this.retryDelays = retryDelays;
        }

        public Duration getIdleEventInterval() {
            return idleEventInterval;
        }

        public void setIdleEventInterval(Duration idleEventInterval) {
            this.idleEventInterval = idleEventInterval;
        }

        public SelectorType getSelectorType() {
            return selectorType;
        }

        public void setSelectorType(SelectorType selectorType) {
            this.selectorType = selectorType;
        }

        public String getSelectorExpression() {
            return selectorExpression;
        }

        public void setSelectorExpression(String selectorExpression) {
            this.selectorExpression = selectorExpression;
        }

        public MessageModel getMessageModel() {
            return messageModel;
        }

        public void setMessageModel(MessageModel messageModel) {
            this.messageModel = messageModel;
        }

        public ConsumeMode getConsumeMode() {
            return consumeMode;
        }

        public void setConsumeMode(ConsumeMode consumeMode) {
            this.consumeMode = consumeMode;
        }

        public Boolean getAutoStartup() {
            return autoStartup;
        }

        public void setAutoStartup(Boolean autoStartup) {
            this.autoStartup = autoStartup;
        }

        public String getContainerFactory() {
            return containerFactory;
        }

        public void setContainerFactory(String containerFactory) {
            this.containerFactory = containerFactory;
        }

        public String getErrorHandler() {
            return errorHandler;
        }

        public void setErrorHandler(String errorHandler) {
            this.errorHandler = errorHandler;
        }
    }

    public static class Embedded {

        /**
         * Whether to start a broker inside the application. Default: only when mq.name-server is not set.
         */
        private Boolean enabled;

        /** Port of the embedded broker and name server; 0 for any free port. */
        private int port = 0;

        /** Address the embedded broker binds. */
        private String bindHost = "127.0.0.1";

        /** Store directory. Default: a temporary directory deleted when the application stops. */
        private Path storeDir;

        /** ASYNC_FLUSH (fast) or SYNC_FLUSH (a send returns once on disk). */
        private FlushMode flushMode = FlushMode.ASYNC_FLUSH;

        /** Topics to create at start-up (otherwise topics are created by their first send). */
        private List<String> topics = new ArrayList<>();

        /**
         * ACL 1.0 on the embedded broker: a plain_acl.yml ("classpath:..." or a file) whose users and permissions
         * every request must satisfy, so that the application runs with its production credentials (mq.access-key,
         * mq.secret-key) and permissions. A file on disk is re-read when it changes. Unset: no access control.
         */
        private Resource aclFile;

        /**
         * ACL 2.0 on the embedded broker: every request must be signed by a user of its user store (RocketMQ's
         * authenticationEnabled). Users and policies are managed with mqadmin and kept under the store directory.
         */
        private boolean authenticationEnabled;

        /**
         * ACL 2.0 on the embedded broker: every request must be allowed by its user's policies (RocketMQ's
         * authorizationEnabled).
         */
        private boolean authorizationEnabled;

        /**
         * ACL 2.0: the first super user of the embedded broker, "NAME:PASSWORD", created at start-up unless it
         * exists (RocketMQ's initAuthenticationUser).
         */
        private String initAuthenticationUser;

        /** The embedded broker's web console. */
        private final Console console = new Console();

        public Console getConsole() {
            return console;
        }

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public String getBindHost() {
            return bindHost;
        }

        public void setBindHost(String bindHost) {
            this.bindHost = bindHost;
        }

        public Path getStoreDir() {
            return storeDir;
        }

        public void setStoreDir(Path storeDir) {
            this.storeDir = storeDir;
        }

        public FlushMode getFlushMode() {
            return flushMode;
        }

        public void setFlushMode(FlushMode flushMode) {
            this.flushMode = flushMode;
        }

        public List<String> getTopics() {
            return topics;
        }

        public void setTopics(List<String> topics) {
            this.topics = topics;
        }

        public Resource getAclFile() {
            return aclFile;
        }

        public void setAclFile(Resource aclFile) {
            this.aclFile = aclFile;
        }

        public boolean isAuthenticationEnabled() {
            return authenticationEnabled;
        }

        public void setAuthenticationEnabled(boolean authenticationEnabled) {
            this.authenticationEnabled = authenticationEnabled;
        }

        public boolean isAuthorizationEnabled() {
            return authorizationEnabled;
        }

        public void setAuthorizationEnabled(boolean authorizationEnabled) {
            this.authorizationEnabled = authorizationEnabled;
        }

        public String getInitAuthenticationUser() {
            return initAuthenticationUser;
        }

        public void setInitAuthenticationUser(String initAuthenticationUser) {
            this.initAuthenticationUser = initAuthenticationUser;
        }

        /**
         * The embedded broker's web console (docs/console.md): topics, groups, lag, messages and dead letters in a
         * browser, on its own HTTP port. With access control on it asks for an admin user's keys.
         */
        public static class Console {

            /** Whether the embedded broker serves its web console (its URL is logged at start-up). */
            private boolean enabled = true;

            /** HTTP port of the console; 0 for any free port. */
            private int port = 0;

            /** Address the console binds; the default serves this machine only. */
            private String bindHost = "127.0.0.1";

            public boolean isEnabled() {
                return enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            public int getPort() {
                return port;
            }

            public void setPort(int port) {
                this.port = port;
            }

            public String getBindHost() {
                return bindHost;
            }

            public void setBindHost(String bindHost) {
                this.bindHost = bindHost;
            }
        }

        /**
         * The embedded store's flush mode. The starter's own type, so that these properties bind when the broker
         * is not on the classpath.
         */
        public enum FlushMode {
            /** A send returns once the message is in the page cache; flushed every few hundred milliseconds. */
            ASYNC_FLUSH,
            /** A send returns once the message is on disk. */
            SYNC_FLUSH
        }
    }
}
